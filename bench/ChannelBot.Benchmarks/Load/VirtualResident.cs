using System.Diagnostics;
using Activity = ChannelBot.Schema.Activity;
using System.Net.Http.Headers;
using ChannelBot.Schema;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// One resident in a closed loop on its own conversation: posts a message to <c>/api/messages</c> as the
/// Emulator does, waits for the bot's first reply to it at the fake connector (matched by <c>replyToId</c>),
/// then posts the next line of <see cref="IntakeScript"/>, starting over after the last.
/// </summary>
public sealed class VirtualResident(HttpClient http, FakeConnector connector, string conversationId)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Runs turns until one ends after <paramref name="stopAt"/>; records those that end inside [from, stopAt].</summary>
    public async Task RunAsync(long measureFrom, long stopAt, LatencyRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        for (var line = 0; ; line++)
        {
            var text = IntakeScript.Messages[line % IntakeScript.Messages.Count];
            var activity = Message(text);
            var reply = connector.ExpectReplyTo(activity.Id!);
            var started = Stopwatch.GetTimestamp();
            long acknowledged;
            using (var content = new ByteArrayContent(ActivityJson.SerializeToUtf8Bytes(activity)))
            {
                content.Headers.ContentType = Json;
                using var response = await http.PostAsync("/api/messages", content);
                acknowledged = Stopwatch.GetTimestamp();
                if (!response.IsSuccessStatusCode)
                {
                    connector.Forget(activity.Id!);
                    recorder.Errors++;
                    continue;
                }
            }

            long ended;
            try
            {
                ended = await reply.WaitAsync(ReplyTimeout);
            }
            catch (TimeoutException)
            {
                connector.Forget(activity.Id!);
                recorder.Timeouts++;
                ended = Stopwatch.GetTimestamp();
            }

            if (ended >= measureFrom && ended <= stopAt && reply.IsCompletedSuccessfully)
            {
                recorder.Microseconds.Add(Stopwatch.GetElapsedTime(started, ended).TotalMicroseconds);
                recorder.AckMicroseconds.Add(Stopwatch.GetElapsedTime(started, acknowledged).TotalMicroseconds);
            }

            if (ended > stopAt)
            {
                return;
            }
        }
    }

    private Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = connector.ServiceUrl,
        From = new ChannelAccount { Id = "resident-" + conversationId, Name = "Resident", Role = RoleTypes.User },
        Recipient = new ChannelAccount { Id = "channelbot", Name = "ChannelBot", Role = RoleTypes.Bot },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
        Locale = "en-US",
        Timestamp = DateTimeOffset.UtcNow,
    };
}
