using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// A whole pothole report through our Direct Line server on the real app, as the web chat widget makes it: a
/// session, the conversation started with its token, the WebSocket, a photo uploaded through Direct Line.
/// </summary>
public sealed partial class DirectLineIntakeTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("channelbot-directline-");
    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(_storage, new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3",
            ["DirectLine:UploadPath"] = Path.Combine(_files.FullName, "uploads"),
            ["Photos:Path"] = Path.Combine(_files.FullName, "photos"),
        });
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
        _files.Delete(recursive: true);
    }

    [Fact]
    public async Task A_web_chat_pothole_report_with_a_photo_ends_with_a_ticket_a_case_row_and_the_photo_stored()
    {
        await using var resident = await DirectLineResident.OpenAsync(_http);

        var greeting = await resident.NextFromBotAsync();
        Assert.Contains("311", greeting.Text, StringComparison.Ordinal);
        Assert.Null(greeting.ReplyToId);

        var askWhere = await resident.SayAsync("there's a huge pothole in the road");
        Assert.Contains("Pothole", askWhere.Text, StringComparison.Ordinal);
        var askLane = await resident.SayAsync("123 Main St");
        Assert.NotNull(askLane.SuggestedActions);
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync("It is deep enough to damage a tire.");
        await resident.SayAsync("no");   // the description stays off the public map
        var (_, photoUrl) = await resident.SendPhotoAsync(Png);
        await resident.SayAsync("skip");   // name
        var summary = await resident.SayAsync("skip");   // updates
        Assert.True(summary.Text?.Contains("123 Main St", StringComparison.Ordinal), resident.Transcript);
        var receipt = await resident.SayAsync("yes");

        var ticket = Ticket().Match(receipt.Text ?? string.Empty);
        Assert.True(ticket.Success, $"No ticket number in: {receipt.Text}");
        var delivered = resident.Delivered;
        Assert.Equal(delivered.Count, delivered.Select(a => a.Id).Distinct().Count());
        Assert.All(delivered, a => Assert.StartsWith(resident.ConversationId + "|", a.Id, StringComparison.Ordinal));
        Assert.All(delivered, a => Assert.NotNull(a.Timestamp));

        var saved = Assert.Single(await CaseRows.AllAsync(_app.Services));
        Assert.Equal(ticket.Value, saved.Ticket.ToString());
        Assert.Equal("directline", saved.Reporter.ChannelId);
        Assert.Equal(resident.UserId, saved.Reporter.ChannelUserId);
        Assert.Equal("123 Main St", saved.Location.Address);
        var photo = await StoredPhotoAsync();
        Assert.Equal(photoUrl, photo.SourceUrl);
        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal(Png.Length, photo.SizeBytes);
    }

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
