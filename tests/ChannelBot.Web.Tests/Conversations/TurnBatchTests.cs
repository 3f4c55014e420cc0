using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// The turn pipeline's write path under many conversations at once: the inbox stores arrivals together (one
/// INSERT … ON CONFLICT DO NOTHING), the turn worker runs them in batches (engine before the transaction, one
/// set-based write in it) and keeps the last committed state of each conversation in memory.
/// </summary>
public sealed class TurnBatchTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Copies_of_many_activities_arriving_together_are_stored_once_and_answered_once(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var residents = Enumerable.Range(0, 12)
            .Select(i => new EmulatorClient(http, connector, $"batch-{i}-" + Guid.NewGuid().ToString("N")))
            .ToList();
        await Task.WhenAll(residents.Select(r => r.SayAsync("hi")));

        // Three copies of each resident's next activity, all residents at the same moment: one inbox batch
        // holds fresh activities and duplicates of them side by side.
        var activities = residents.Select(r => r.Message("pothole", id: "dup-" + r.ConversationId)).ToList();
        var posts = residents.SelectMany((r, i) => Enumerable.Range(0, 3).Select(_ => r.PostAsync(activities[i]))).ToList();
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}"));

        // A redelivery after the turn has run is dropped too.
        await Task.WhenAll(residents.Select(r => r.SayAsync("help")));
        var late = await Task.WhenAll(residents.Select((r, i) => r.PostAsync(activities[i])));
        Assert.All(late, response => Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}"));
        await Task.WhenAll(residents.Select(r => r.SayAsync("help")));

        foreach (var (resident, activity) in residents.Zip(activities))
        {
            var sent = connector.SentTo(resident.ConversationId);
            Assert.Equal(1, sent.Count(a => a.ReplyToId == activity.Id));
        }

        Assert.Equal(residents.Count * 4, await CaseRows.InboundCountAsync(app.Services));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_turn_that_throws_does_not_hold_up_the_other_turns_of_its_batch(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        // The broken turn keeps failing: pinned so it is not set aside (with an apology to its resident) while the
        // test still expects it to have been sent nothing.
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Turns:MaxAttempts"] = "1000" });
        using var http = app.CreateHttpClient();
        var broken = new EmulatorClient(http, connector, "broken-" + Guid.NewGuid().ToString("N"));
        var others = Enumerable.Range(0, 12)
            .Select(i => new EmulatorClient(http, connector, $"fine-{i}-" + Guid.NewGuid().ToString("N")))
            .ToList();

        // A stored state that cannot be read: the engine never gets to run this conversation's turn.
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Conversations.Add(new ConversationRecord
            {
                Key = $"emulator/conversations/{broken.ConversationId}",
                ChannelId = "emulator",
                ConversationId = broken.ConversationId,
                StateJson = "{ this is not json",
                Version = 1,
            });
            await db.SaveChangesAsync();
        }

        var message = broken.Message("hi");
        var posted = broken.PostAsync(message);
        var answers = await Task.WhenAll(others.Select(r => r.SayAsync("hi")));
        using (var response = await posted)
        {
            Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}");
        }

        Assert.All(answers, answer => Assert.False(string.IsNullOrEmpty(answer.Text)));

        // The others' turns are saved: their next turn goes on from the greeting.
        var next = await Task.WhenAll(others.Select(r => r.SayAsync("pothole")));
        Assert.All(next, answer => Assert.False(string.IsNullOrEmpty(answer.Text)));
        Assert.Empty(connector.SentTo(broken.ConversationId));

        // The broken turn's failure is recorded on its inbound row (and it is tried again later).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var row = await db.InboundActivities.AsNoTracking().SingleAsync(i => i.ActivityId == message.Id);
            if (row.Attempts > 0)
            {
                Assert.Contains("Json", row.LastError, StringComparison.Ordinal);
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The failed turn was never recorded.");
            await Task.Delay(25);
        }
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_conversation_changed_outside_the_turn_worker_is_read_again_before_its_next_turn(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "changed-" + Guid.NewGuid().ToString("N"));
        var other = new EmulatorClient(http, connector, "untouched-" + Guid.NewGuid().ToString("N"));
        await resident.SayAsync("hi");
        await other.SayAsync("hi");
        var midIntake = await resident.SayAsync("pothole");

        // Someone else (as a staff status change does) replaces the state and raises the version: here, the
        // state of a conversation that has only been greeted.
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        long version;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var greeted = await db.Conversations.AsNoTracking().SingleAsync(c => c.ConversationId == other.ConversationId);
            var changed = await db.Conversations.SingleAsync(c => c.ConversationId == resident.ConversationId);
            changed.StateJson = greeted.StateJson;
            changed.Version++;
            version = changed.Version;
            await db.SaveChangesAsync();
        }

        // The next turn starts from the stored state, not the cached one: "pothole" is a new report again,
        // so it gets the same answer as the first time.
        var again = await resident.SayAsync("pothole");

        Assert.Equal(midIntake.Text, again.Text);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = await db.Conversations.AsNoTracking().SingleAsync(c => c.ConversationId == resident.ConversationId);
            Assert.Equal(version + 1, stored.Version);
            var inbound = await db.InboundActivities.AsNoTracking().Where(i => i.ConversationKey == stored.Key).ToListAsync();
            Assert.All(inbound, i => Assert.Equal(0, i.Attempts));
        }
    }
}
