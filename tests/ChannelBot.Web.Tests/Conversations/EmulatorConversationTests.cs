using System.Text.RegularExpressions;
using ChannelBot.Schema;
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

    [Fact]
    public async Task The_Emulator_opening_a_conversation_gets_one_greeting()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "emulator-" + Guid.NewGuid().ToString("N"));

        // The Emulator announces the bot and the user, in two activities or in one.
        var botJoins = resident.Message(string.Empty);
        botJoins.Type = ActivityTypes.ConversationUpdate;
        botJoins.Text = null;
        botJoins.MembersAdded = [new ChannelAccount { Id = "channelbot" }];
        var userJoins = resident.Message(string.Empty);
        userJoins.Type = ActivityTypes.ConversationUpdate;
        userJoins.Text = null;
        userJoins.MembersAdded = [new ChannelAccount { Id = "resident-1" }];
        using (await resident.PostAsync(botJoins))
        using (await resident.PostAsync(userJoins))
        {
        }

        var greeting = await connector.WaitForReplyToAsync(resident.ConversationId, userJoins.Id!);
        var help = await resident.SayAsync("help");

        Assert.Contains("311", greeting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(connector.SentTo(resident.ConversationId), a => a.ReplyToId == botJoins.Id);
        Assert.Equal(2, connector.SentTo(resident.ConversationId).Count);
        Assert.NotNull(help.Text);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
