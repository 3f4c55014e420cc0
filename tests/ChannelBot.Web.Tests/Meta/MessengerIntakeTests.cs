using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>
/// A whole pothole report over Messenger on the real app: signed webhook events in, the dialog's questions out
/// through the Send API (quick replies tapped by payload), a location pin for the place and a photo from Meta's CDN.
/// </summary>
public sealed partial class MessengerIntakeTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-messenger-");
    private readonly MessengerResident _resident = new();
    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = _resident.Settings();
        settings["Photos:Path"] = Path.Combine(_files.FullName, "photos");
        settings.WithLoopbackMedia("facebook");
        _app = ChannelBotApp.Start(_storage, settings);
        _http = _app.CreateHttpClient();

        // Meta's CDN, played by the same WireMock server: a public image, no credentials asked.
        _resident.Graph.Given(Request.Create().WithPath("/cdn/pothole_n.png").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(Png));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
        _resident.Dispose();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task A_messenger_pothole_report_with_a_location_pin_and_a_photo_ends_with_a_ticket_and_a_case()
    {
        var greeting = await _resident.SayAsync(_http, _app.Services, "hi");
        Assert.Contains("311", Text(greeting), StringComparison.Ordinal);

        var askWhere = await _resident.SayAsync(_http, _app.Services, "there's a huge pothole in the road");
        Assert.Contains("Pothole", Text(askWhere), StringComparison.Ordinal);

        var askLane = await _resident.SendPinAsync(_http, _app.Services, 39.9242266, -83.8088171);
        var askHazards = await TapAsync(askLane, "Traffic lane");
        var askMore = await TapAsync(askHazards, "Skip");
        var askShare = await TapAsync(askMore, "Skip");
        var askPhoto = await TapAsync(askShare, "No");
        Assert.Contains("photo", Text(askPhoto), StringComparison.OrdinalIgnoreCase);
        var askName = await _resident.SendPhotoAsync(_http, _app.Services, _resident.Graph.Url + "/cdn/pothole_n.png");
        Assert.Contains("Thanks for the photo", Text(askName), StringComparison.Ordinal);
        var askUpdates = await TapAsync(askName, "Skip");
        var askLaterContact = await TapAsync(askUpdates, "Yes");
        Assert.Contains("24 hours", Text(askLaterContact), StringComparison.Ordinal);
        var summary = await TapAsync(askLaterContact, "Skip");
        Assert.Contains("Photos: 1", Text(summary), StringComparison.Ordinal);
        var receipt = await TapAsync(summary, "Send report");

        var ticket = Ticket().Match(Text(receipt));
        Assert.True(ticket.Success, $"No ticket number in the transcript:\n{_resident.Transcript}");

        var sent = _resident.Sent;
        Assert.All(sent, body =>
        {
            Assert.Equal(MessengerResident.Psid, body["recipient"]!["id"]!.GetValue<string>());
            Assert.Equal("RESPONSE", body["messaging_type"]!.GetValue<string>());
            Assert.False(body.ContainsKey("tag"));
        });
        Assert.All(
            sent.SelectMany(b => b["message"]?["quick_replies"]?.AsArray() ?? []),
            q => Assert.InRange(q!["title"]!.GetValue<string>().Length, 1, 20));

        var saved = Assert.Single(await CaseRows.AllAsync(_app.Services));
        Assert.Equal(ticket.Value, saved.Ticket.ToString());
        Assert.Equal("facebook", saved.Reporter.ChannelId);
        Assert.Equal(MessengerResident.Psid, saved.Reporter.ChannelUserId);
        Assert.Equal(39.9242266, saved.Location.Latitude!.Value, 6);
        Assert.Equal(-83.8088171, saved.Location.Longitude!.Value, 6);
        var photo = await StoredPhotoAsync();
        Assert.Equal(_resident.Graph.Url + "/cdn/pothole_n.png", photo.SourceUrl);
        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal(Png.Length, photo.SizeBytes);
    }

    /// <summary>Taps the quick reply titled <paramref name="title"/> under the bot's last message (its payload is what goes back).</summary>
    private Task<IReadOnlyList<JsonObject>> TapAsync(IReadOnlyList<JsonObject> answers, string title)
    {
        var options = QuickReplies(answers);
        var option = options.Find(q => q["title"]!.GetValue<string>() == title);
        Assert.True(option is not null, $"No quick reply '{title}' in the transcript:\n{_resident.Transcript}");
        return _resident.TapAsync(_http, _app.Services, option);
    }

    private static string Text(IReadOnlyList<JsonObject> answers) =>
        string.Join("\n", answers.Select(a => a["message"]?["text"]?.GetValue<string>()).Where(t => t is not null));

    private static List<JsonObject> QuickReplies(IReadOnlyList<JsonObject> answers) =>
        answers.LastOrDefault(a => a["message"]?["text"] is not null)?["message"]?["quick_replies"]?.AsArray().Select(q => q!.AsObject()).ToList() ?? [];

    /// <summary>Waits until the case's photo has been copied (or refused) by the photo collector.</summary>
    private async Task<CasePhoto> StoredPhotoAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var photo = Assert.Single(Assert.Single(await CaseRows.AllAsync(_app.Services)).Photos);
            if (photo.Status != PhotoStatus.Pending)
            {
                return photo;
            }

            Assert.True(DateTime.UtcNow < deadline, "The photo was still pending after 30 s.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
