using System.Text.Json;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// The official <c>botframework-directlinejs</c> client (node/intake.js, pinned in node/package-lock.json) files a
/// pothole report against the running app, once over the WebSocket and once polling: the echo, no activity twice,
/// token adoption and refresh, resume with conversationId + watermark after the first connection is dropped, and
/// the ticket. Node.js is a prerequisite: without it these tests fail, they are never skipped.
/// </summary>
public sealed class DirectLineJsTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task The_official_client_files_a_pothole_report_and_gets_the_ticket(string mode)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3",
        });

        var (exitCode, output, error) = await OfficialDirectLineClient.RunIntakeAsync(app.BaseAddress.GetLeftPart(UriPartial.Authority), mode);

        Assert.True(exitCode == 0, $"node intake.js {mode} failed ({exitCode}): {error}");
        using var result = JsonDocument.Parse(output);
        var ticket = result.RootElement.GetProperty("ticket").GetString();
        Assert.True(result.RootElement.GetProperty("refreshed").GetBoolean());
        var saved = Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.Equal(ticket, saved.Ticket.ToString());
        Assert.Equal("directline", saved.Reporter.ChannelId);
        Assert.Equal("123 Main St", saved.Location.Address);
    }
}
