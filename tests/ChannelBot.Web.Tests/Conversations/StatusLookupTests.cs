using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>"status 311-…": the reporter hears the details, anyone else only the public status and the kind of request.</summary>
public sealed partial class StatusLookupTests
{
    [Fact]
    public async Task The_reporter_sees_the_address_and_a_neighbour_only_the_public_status()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var reporter = new EmulatorClient(http, connector, "status-" + Guid.NewGuid().ToString("N"), userId: "reporter");
        await PotholeScript.StartAsync(reporter);
        var ticket = Ticket().Match(await PotholeScript.FinishAsync(reporter)).Value;
        var neighbour = new EmulatorClient(http, connector, "status-" + Guid.NewGuid().ToString("N"), userId: "neighbour");

        var own = await reporter.SayAsync("status " + ticket);
        var other = await neighbour.SayAsync("status " + ticket);

        Assert.Contains(ticket, own.Text, StringComparison.Ordinal);
        Assert.Contains("123 Main St", own.Text, StringComparison.Ordinal);
        Assert.Contains(ticket, other.Text, StringComparison.Ordinal);
        Assert.Contains("Pothole", other.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("123 Main St", other.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
