using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>A channel that delivers the same activity twice, even at the same moment, gets one turn and one answer.</summary>
public sealed class DuplicateDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_same_activity_posted_twice_at_once_runs_one_turn(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "emulator-" + Guid.NewGuid().ToString("N"));
        await resident.SayAsync("hi");

        var twice = resident.Message("pothole", id: "same-activity-id");
        var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => resident.PostAsync(twice)));
        Assert.All(copies, response => Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}"));

        // Turns of one conversation run in order: once the answer to a later message is in, every answer to
        // the duplicates would be in too.
        await resident.SayAsync("help");
        var sent = connector.SentTo(resident.ConversationId);
        Assert.Equal(3, sent.Count);
        Assert.Equal(1, sent.Count(a => a.ReplyToId == "same-activity-id"));
        Assert.Equal(3, await CaseRows.InboundCountAsync(app.Services));
    }
}
