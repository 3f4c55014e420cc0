using System.Globalization;
using System.Text;
using System.Text.Json;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Loading;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Dialogs.State;
using ChannelBot.Dialogs.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Dialogs.Tests.Transcripts;

/// <summary>
/// Plays a transcript through the engine the way the turn pipeline does: the state goes through JSON between
/// turns, effects are carried out (a case is "created" with the next ticket number, look-ups answered from the
/// transcript's known cases), and every answer is checked. On failure the whole conversation so far is shown.
/// </summary>
public sealed partial class TranscriptRunner
{
    private readonly Transcript _transcript;
    private readonly FakeTimeProvider _clock;
    private readonly StringBuilder _log = new();
    private readonly List<string> _lookups = [];
    private readonly List<string> _handoffs = [];
    private readonly List<DialogFile> _files = DialogsFolder.Files();
    private DialogEngine _engine;
    private string _stateJson = string.Empty;
    private int _sequence;

    public TranscriptRunner(Transcript transcript, DialogDefinitions definitions)
    {
        _transcript = transcript;
        _clock = new FakeTimeProvider(transcript.Now);
        _engine = new DialogEngine(definitions, _clock, Geography);
    }

    private ChannelBot.Geo.CityGeography? Geography => _transcript.Map switch
    {
        null => null,
        "springfield" => Support.SampleCityMap.Geography,
        var other => throw new InvalidOperationException($"Unknown map '{other}' (only springfield)."),
    };

    public List<IntakeSubmission> Submissions { get; } = [];

    /// <summary>The conversation so far, as played.</summary>
    public string Conversation => _log.ToString();

    public void Run()
    {
        _log.AppendLine(CultureInfo.InvariantCulture, $"# {_transcript.Title} ({_transcript.Channel}, {_transcript.Locale ?? "no locale"})");
        foreach (var turn in _transcript.Turns)
        {
            if (turn.After is { } after)
            {
                _clock.Advance(after);
            }

            if (turn.Change is { } change)
            {
                // Changes add up: the second change applies to the files as the first left them.
                DialogsFolder.Change(_files, change.File, change.Replace, change.With);
                _engine = new DialogEngine(DialogDefinitionsLoader.Load(_files), _clock, Geography);
                _log.AppendLine(CultureInfo.InvariantCulture, $"~~ {change.File} changed");
            }

            var replies = Play(turn);
            Check(turn, replies);
        }

        CheckEnd();
    }

    private List<Activity> Play(TranscriptTurn turn)
    {
        var activity = InboundFor(turn);
        _log.AppendLine(CultureInfo.InvariantCulture, $"> {Describe(activity)}");
        var result = _engine.OnActivity(State(), activity);
        var replies = new List<Activity>(result.Replies);
        while (result.Effect is { } effect)
        {
            result = effect switch
            {
                SubmitCase submit => Submit(result.State, activity, submit),
                LookUpCase lookUp => LookUp(result.State, activity, lookUp),
                FindNearbyCases nearby => Nearby(result.State, activity, nearby),
                JoinHandoffQueue join => Handoff(result.State, $"joined ({join.Reason})"),
                LeaveHandoffQueue => Handoff(result.State, "left"),
                _ => throw new InvalidOperationException($"Unknown effect {effect}"),
            };
            replies.AddRange(result.Replies);
        }

        _stateJson = DialogStateJson.Serialize(result.State);
        foreach (var reply in replies)
        {
            _log.AppendLine(CultureInfo.InvariantCulture, $"< {reply.Text}");
            if (reply.SuggestedActions is { } actions)
            {
                _log.AppendLine(CultureInfo.InvariantCulture, $"  [{string.Join("] [", actions.Actions.Select(a => a.Title))}]");
            }
        }

        return replies;
    }

    private ConversationState State() => DialogStateJson.Deserialize(_stateJson);

    private Activity InboundFor(TranscriptTurn turn)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"in-{_log.Length}",
            ChannelId = _transcript.Channel,
            ServiceUrl = "http://127.0.0.1:9/",
            From = new ChannelAccount("resident-1", "Resident", RoleTypes.User),
            Recipient = new ChannelAccount("city311", "City 311", RoleTypes.Bot),
            Conversation = new ConversationAccount("conversation-1"),
            Locale = _transcript.Locale,
            Timestamp = _clock.GetUtcNow(),
            Text = turn.User,
        };
        if (turn.Event == "handoff-ended")
        {
            activity.Type = ActivityTypes.Event;
            activity.Name = HandoffEvents.Ended;
            activity.Text = null;
        }
        else if (turn.Event is not null)
        {
            activity.Type = ActivityTypes.ConversationUpdate;
            activity.MembersAdded = [new ChannelAccount("city311"), new ChannelAccount("resident-1")];
        }

        if (turn.Photo is not null)
        {
            activity.Attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = turn.Photo, Name = "photo.jpg" }];
        }

        if (turn.Location is [var latitude, var longitude])
        {
            activity.Entities = [new GeoPoint(latitude, longitude).ToEntity()];
        }

        return activity;
    }

    private void Check(TranscriptTurn turn, List<Activity> replies)
    {
        if (turn.Quiet)
        {
            Assert.True(replies.Count == 0, Failure($"The bot should have stayed quiet (an operator answers), not said {replies.Count} messages."));
            return;
        }

        // A resident gets one answer per message: one bubble, one SMS, never a burst and never silence.
        Assert.True(replies.Count == 1, Failure($"The bot should have answered with one message, not {replies.Count}."));
        var said = string.Join("\n", replies.Select(r => r.Text));
        foreach (var expected in turn.Bot)
        {
            Assert.True(Contains(said, expected), Failure($"The bot should have said \"{expected}\"."));
        }

        foreach (var unexpected in turn.NotBot)
        {
            Assert.False(Contains(said, unexpected), Failure($"The bot should not have said \"{unexpected}\"."));
        }

        var buttons = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title ?? string.Empty).ToList();
        foreach (var button in turn.Buttons)
        {
            Assert.True(buttons.Contains(button, StringComparer.OrdinalIgnoreCase), Failure($"The bot should have offered the button \"{button}\"."));
        }

        foreach (var reply in replies)
        {
            Assert.Equal("resident-1", reply.Recipient?.Id);
            Assert.Equal("conversation-1", reply.Conversation?.Id);
        }
    }

    private void CheckEnd()
    {
        var expect = _transcript.Expect;
        if (expect.NoCase)
        {
            Assert.True(Submissions.Count == 0, Failure("No case should have been filed."));
        }

        if (expect.MaxResidentMessages is { } most)
        {
            var sent = _transcript.Turns.Count(t => t.User is not null || t.Photo is not null || t.Location is not null);
            Assert.True(sent <= most, Failure($"The resident sent {sent} messages; at most {most} should be needed."));
        }

        Assert.True(expect.Handoff.SequenceEqual(_handoffs), Failure($"The place in line should have gone [{string.Join(", ", expect.Handoff)}], not [{string.Join(", ", _handoffs)}]."));

        foreach (var ticket in expect.Lookups)
        {
            Assert.True(_lookups.Contains(ticket), Failure($"The bot should have looked up {ticket}."));
        }

        if (expect.Case is not { } wanted)
        {
            return;
        }

        Assert.True(Submissions.Count == 1, Failure($"Exactly one case should have been filed, not {Submissions.Count}."));
        var filed = Submissions[0];
        var summary = JsonSerializer.Serialize(filed);
        Assert.True(filed.ServiceCode == wanted.Service, Failure($"Service {filed.ServiceCode}, expected {wanted.Service}: {summary}"));
        foreach (var (code, values) in wanted.Attributes)
        {
            var got = filed.Attributes.FirstOrDefault(a => a.Code == code)?.Values ?? [];
            Assert.True(got.SequenceEqual(values), Failure($"Attribute {code} is [{string.Join(",", got)}], expected [{string.Join(",", values)}]: {summary}"));
        }

        Assert.True(filed.Attributes.Count >= wanted.Attributes.Count, Failure(summary));
        Assert.True(filed.Follow == wanted.Follows, Failure($"Follows {filed.Follow ?? "nothing"}, expected {wanted.Follows ?? "nothing"}: {summary}"));
        if (wanted.Address is not null)
        {
            Assert.True(Contains(filed.Location.Address ?? string.Empty, wanted.Address), Failure($"Address: {summary}"));
        }

        if (wanted.Pin is [var lat, var lon])
        {
            Assert.True(filed.Location.Latitude == lat && filed.Location.Longitude == lon, Failure($"Pin: {summary}"));
        }

        if (wanted.Description is not null)
        {
            Assert.True(Contains(filed.Description ?? string.Empty, wanted.Description), Failure($"Description: {summary}"));
        }

        Assert.True(wanted.Photos is null || filed.Photos.Count == wanted.Photos, Failure($"Photos: {summary}"));
        Assert.True(wanted.Consent is null || filed.ConsentToUpdates == wanted.Consent, Failure($"Consent: {summary}"));
        Assert.True(wanted.Phone is null || filed.Phone == NoneIfEmpty(wanted.Phone), Failure($"Phone: {summary}"));
        Assert.True(wanted.Email is null || filed.Email == NoneIfEmpty(wanted.Email), Failure($"Email: {summary}"));
        Assert.True(wanted.UpdatesBy is null || filed.UpdateChannel == NoneIfEmpty(wanted.UpdatesBy), Failure($"Updates by: {summary}"));
        Assert.True(wanted.Name is null || filed.Name == wanted.Name, Failure($"Name: {summary}"));
        Assert.True(wanted.Language is null || filed.Language == wanted.Language, Failure($"Language: {summary}"));
        Assert.Equal(_transcript.Channel, filed.ChannelId);
        Assert.Equal("resident-1", filed.ChannelUserId);
    }

    /// <summary>An empty expectation ("") means the case must have none.</summary>
    private static string? NoneIfEmpty(string expected) => expected.Length == 0 ? null : expected;

    private string Failure(string message) => message + "\n\nConversation so far:\n" + _log;

    private static bool Contains(string text, string expected) =>
        Squash(text).Contains(Squash(expected), StringComparison.OrdinalIgnoreCase);

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private static string Describe(Activity activity) => activity.Type switch
    {
        ActivityTypes.ConversationUpdate => "(joins)",
        _ => string.Join(" ", new[]
        {
            activity.Text,
            activity.Attachments is { Count: > 0 } a ? $"[photo {a[0].ContentUrl}]" : null,
            activity.Entities is { Count: > 0 } ? "[location pin]" : null,
        }.Where(p => p is not null)),
    };
}
