using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Web.Tests.Instances;

/// <summary>
/// Several instances on one database: an instance sends only the outbox rows and runs only the inbound activities it
/// owns, and takes over those of an instance that left or died — each exactly once, never those of one still alive.
/// </summary>
public sealed class InstanceOwnershipTests
{
    // PostgreSQL only: on SQLite no other instance can be alive (the app holds the database file), so none is waited for.
    [Fact]
    public async Task A_message_of_a_live_instance_is_left_to_it_and_sent_once_after_it_leaves()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using (var migrate = ChannelBotApp.Start(storage))
        {
        }

        using var connector = new FakeConnector();
        var conversation = "owned-" + Guid.NewGuid().ToString("N");
        await SeededWork.AliveInstanceAsync(storage, "alive-1");
        await SeededWork.DeadInstanceAsync(storage, "dead-1");
        await SeededWork.OutboxRowAsync(storage, connector, conversation, "From the live instance.", "alive-1");
        await SeededWork.OutboxRowAsync(storage, connector, conversation + "-b", "From the dead instance.", "dead-1");

        await using var app = ChannelBotApp.Start(storage, FastSweeps());

        // The sweep that took the dead instance's message over saw the live one's and left it.
        await Eventually.HoldsAsync(() => connector.SentTo(conversation + "-b").Count == 1);
        Assert.Empty(connector.SentTo(conversation));
        Assert.Equal("alive-1", await OwnerOfAsync(storage, "From the live instance."));

        await SeededWork.LeaveAsync(storage, "alive-1");

        await Eventually.HoldsAsync(() => connector.SentTo(conversation).Count == 1);
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);
        Assert.Single(connector.SentTo(conversation));
        Assert.Single(connector.SentTo(conversation + "-b"));
    }

    [Fact]
    public async Task A_resident_s_message_stored_by_an_instance_that_died_gets_its_turn_once_and_a_live_one_s_waits_for_it()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using (var migrate = ChannelBotApp.Start(storage))
        {
        }

        using var connector = new FakeConnector();
        var alive = "turn-alive-" + Guid.NewGuid().ToString("N");
        var dead = "turn-dead-" + Guid.NewGuid().ToString("N");
        await SeededWork.AliveInstanceAsync(storage, "alive-2");
        await SeededWork.DeadInstanceAsync(storage, "dead-2");
        await SeededWork.InboundAsync(storage, connector, alive, "a-1", "alive-2");
        await SeededWork.InboundAsync(storage, connector, dead, "d-1", "dead-2");

        await using var app = ChannelBotApp.Start(storage, FastSweeps());

        await Eventually.HoldsAsync(() => connector.SentTo(dead).Count > 0);
        Assert.Empty(connector.SentTo(alive));
        await SeededWork.LeaveAsync(storage, "alive-2");
        await Eventually.HoldsAsync(() => connector.SentTo(alive).Count > 0);
        await Eventually.HoldsAsync(async () => await storage.UnprocessedInboundAsync() == 0);

        // Each "hi" was run once: the same greeting, the same number of replies, on both conversations.
        Assert.Equal(connector.SentTo(dead).Select(a => a.Text), connector.SentTo(alive).Select(a => a.Text));
        Assert.All(connector.SentTo(alive), reply => Assert.Equal("a-1", reply.ReplyToId));
    }

    [Fact]
    public async Task Two_instances_taking_over_a_dead_one_s_messages_at_once_send_each_exactly_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using (var migrate = ChannelBotApp.Start(storage))
        {
        }

        using var connector = new FakeConnector();
        await SeededWork.DeadInstanceAsync(storage, "dead-3");
        var conversations = Enumerable.Range(0, 60).Select(i => $"shared-{i}-" + Guid.NewGuid().ToString("N")).ToList();
        foreach (var conversation in conversations)
        {
            await SeededWork.OutboxRowAsync(storage, connector, conversation, "Left behind.", "dead-3");
        }

        var starting = new[] { Task.Run(() => ChannelBotApp.Start(storage, FastSweeps())), Task.Run(() => ChannelBotApp.Start(storage, FastSweeps())) };
        var apps = await Task.WhenAll(starting);
        try
        {
            await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.DisposeAsync();
            }
        }

        Assert.All(conversations, conversation => Assert.Single(connector.SentTo(conversation)));
    }

    [Fact]
    public async Task A_message_reaching_this_instance_waits_for_the_earlier_one_another_instance_holds()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        await using (var migrate = ChannelBotApp.Start(storage))
        {
        }

        using var connector = new FakeConnector();
        var conversation = "order-" + Guid.NewGuid().ToString("N");
        await SeededWork.AliveInstanceAsync(storage, "alive-4");
        await SeededWork.InboundAsync(storage, connector, conversation, "first", "alive-4");
        await using var app = ChannelBotApp.Start(storage, FastSweeps());
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, conversation);

        using (var response = await resident.PostAsync(resident.Message("help", id: "second")))
        {
            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        }

        // The second message is stored at once but not run before the first, which the other instance holds.
        await Eventually.HoldsAsync(async () => await storage.UnprocessedInboundAsync() == 2);
        await SeededWork.LeaveAsync(storage, "alive-4");
        await Eventually.HoldsAsync(async () => await storage.UnprocessedInboundAsync() == 0);
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);

        var answered = connector.SentTo(conversation).Select(a => a.ReplyToId).Distinct().ToList();
        Assert.Equal(["first", "second"], answered);
    }

    /// <summary>
    /// The seeded instances are alive (heartbeat an hour ahead) or dead (two minutes behind) against this presumed-dead
    /// time, whatever the app's default; sweeps and take-overs come often so a test takes seconds.
    /// </summary>
    private static Dictionary<string, string?> FastSweeps() => new()
    {
        ["Instances:PresumedDeadAfter"] = "00:01:00",
        ["Instances:HeartbeatInterval"] = "00:00:10",
        ["Outbox:SweepInterval"] = "00:00:00.200",
        ["Instances:TakeOverInterval"] = "00:00:00.200",
    };

    private static async Task<string?> OwnerOfAsync(TestStorage storage, string text)
    {
        await using var db = storage.Open();
        var rows = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending).ToListAsync();
        return rows.Single(m => m.ActivityJson.Contains(text, StringComparison.Ordinal)).OwnerId;
    }
}
