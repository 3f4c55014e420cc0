using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// A whole report through <c>/api/messages</c> on the real app, the bot's answers arriving at a fake Connector,
/// ending with a case row, on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class EmulatorConversationTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_pothole_report_ends_with_a_ticket_and_a_case_row(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "emulator-" + Guid.NewGuid().ToString("N"));

        await PotholeScript.StartAsync(resident);
        var receipt = await PotholeScript.FinishAsync(resident);

        var ticket = Ticket().Match(receipt);
        Assert.True(ticket.Success, $"No ticket number in: {receipt}");
        var saved = Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.Equal(ticket.Value, saved.Ticket.ToString());
        Assert.Equal("PTHOLE", saved.ServiceCode);
        Assert.Equal("123 Main St", saved.Location.Address);
        Assert.Equal("emulator", saved.Reporter.ChannelId);
        Assert.Equal("resident-1", saved.Reporter.ChannelUserId);
        Assert.Contains(saved.Attributes, a => a.Values.Contains("curb"));
        Assert.Contains("It is deep enough to damage a tire.", saved.Description, StringComparison.Ordinal);
        Assert.NotNull(saved.DueAt);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_restarted_app_carries_on_the_intake_where_it_stopped(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        var conversation = "emulator-" + Guid.NewGuid().ToString("N");

        await using (var first = ChannelBotApp.Start(storage))
        {
            using var http = first.CreateHttpClient();
            await PotholeScript.StartAsync(new EmulatorClient(http, connector, conversation));
        }

        await using var second = ChannelBotApp.Start(storage);
        using var secondHttp = second.CreateHttpClient();
        var receipt = await PotholeScript.FinishAsync(new EmulatorClient(secondHttp, connector, conversation));

        Assert.Matches(Ticket(), receipt);
        var saved = Assert.Single(await CaseRows.AllAsync(second.Services));
        Assert.Equal("123 Main St", saved.Location.Address);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
