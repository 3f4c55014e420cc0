using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChannelBot.Infrastructure.Tests.Persistence;

/// <summary>
/// A database with messages stored before conversations were chained: migrating links them as the turns would have,
/// so a case's conversation stays readable after the upgrade.
/// </summary>
public class ConversationChainMigrationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Migrating_links_the_stored_messages_of_each_conversation_and_their_replies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ConversationChain", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);

            await ConversationAsync(db, provider, "sms/conversations/a");
            await ConversationAsync(db, provider, "sms/conversations/b");
            await InboundAsync(db, provider, "a1", "sms/conversations/a", minute: 0, processed: true, setAside: false);
            await InboundAsync(db, provider, "b1", "sms/conversations/b", minute: 1, processed: true, setAside: false);
            await OutboxAsync(db, provider, "sms/conversations/a", minute: 0);
            await InboundAsync(db, provider, "a2", "sms/conversations/a", minute: 2, processed: true, setAside: true);
            await InboundAsync(db, provider, "a3", "sms/conversations/a", minute: 3, processed: true, setAside: false);
            await OutboxAsync(db, provider, "sms/conversations/a", minute: 3);
            await InboundAsync(db, provider, "a4", "sms/conversations/a", minute: 4, processed: false, setAside: false);

            await db.Database.MigrateAsync();
        }

        await using var read = database.CreateContext();
        var inbound = await read.InboundActivities.AsNoTracking().ToDictionaryAsync(i => i.ActivityId);
        Assert.Null(inbound["a1"].PreviousId);
        Assert.Null(inbound["b1"].PreviousId);
        Assert.Null(inbound["a2"].PreviousId);
        Assert.Equal(inbound["a1"].Id, inbound["a3"].PreviousId);
        Assert.Null(inbound["a4"].PreviousId);
        var lasts = await read.Conversations.AsNoTracking().ToDictionaryAsync(c => c.Key, c => c.LastInboundId);
        Assert.Equal(inbound["a3"].Id, lasts["sms/conversations/a"]);
        Assert.Equal(inbound["b1"].Id, lasts["sms/conversations/b"]);
        var replies = await read.OutboxMessages.AsNoTracking().OrderBy(o => o.Id).Select(o => o.InboundId).ToListAsync();
        Assert.Equal([inbound["a1"].Id, inbound["a3"].Id], replies);
    }

    /// <summary>A timestamp as the provider stores it (SQLite: UTC ticks; PostgreSQL: timestamptz), for raw SQL.</summary>
    private static object At(string provider, int minute) =>
        provider == TestProviders.Sqlite ? Start.AddMinutes(minute).UtcTicks : Start.AddMinutes(minute);

    private static Task ConversationAsync(ChannelBotDbContext db, string provider, string key) =>
        db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Conversations" ("Key", "ChannelId", "ConversationId", "StateJson", "Version", "UpdatedAt") VALUES ({0}, 'sms', {0}, '{{}}', 1, {1})""",
            key,
            At(provider, 0));

    private static Task InboundAsync(ChannelBotDbContext db, string provider, string id, string key, int minute, bool processed, bool setAside) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "InboundActivities" ("ChannelId", "ActivityId", "ConversationKey", "ActivityJson", "ReceivedAt", "ProcessedAt", "SetAsideAt", "Attempts", "Overruns")
            VALUES ('sms', {0}, {1}, '{{}}', {2}, {3}, {4}, 0, 0)
            """,
            id,
            key,
            At(provider, minute),
            processed ? At(provider, minute) : null!,
            setAside ? At(provider, minute) : null!);

    private static Task OutboxAsync(ChannelBotDbContext db, string provider, string key, int minute) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "OutboxMessages" ("ConversationKey", "ChannelId", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt", "DeliveryRank")
            VALUES ({0}, 'sms', '{{}}', {1}, 'Sent', 0, {1}, 0)
            """,
            key,
            At(provider, minute));
}
