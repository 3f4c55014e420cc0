using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

/// <summary>
/// Timestamps must filter and sort in SQL by instant on both providers, whatever offset the values carry
/// (SQLite has no native type for them; PostgreSQL's Npgsql accepts only UTC).
/// </summary>
public class TimestampTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    // Wall-clock order (09:00, 10:00, 11:00) is the opposite of instant order here.
    private static readonly DateTimeOffset EarlyInBerlin = new(2026, 3, 10, 11, 0, 0, TimeSpan.FromHours(2));   // 09:00Z
    private static readonly DateTimeOffset MiddleInLondon = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);          // 10:00Z
    private static readonly DateTimeOffset LateInNewYork = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-4));   // 13:00Z

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Timestamps_filter_and_sort_in_sql_by_instant_whatever_their_offset(string provider)
    {
        var database = await databases.For(provider);
        var conversation = NewConversation();
        await using var db = database.CreateContext();
        db.OutboxMessages.AddRange(Row(conversation, "late", LateInNewYork), Row(conversation, "early", EarlyInBerlin), Row(conversation, "middle", MiddleInLondon));
        await db.SaveChangesAsync();
        var noonInTokyo = new DateTimeOffset(2026, 3, 10, 21, 0, 0, TimeSpan.FromHours(9)); // 12:00Z

        var due = db.OutboxMessages.Where(o => o.ConversationKey == conversation && o.NextAttemptAt <= noonInTokyo);

        Assert.Equal(["early", "middle"], await due.OrderBy(o => o.NextAttemptAt).Select(o => o.ActivityJson).ToListAsync());
        Assert.Equal(["middle", "early"], await due.OrderByDescending(o => o.NextAttemptAt).Select(o => o.ActivityJson).ToListAsync());
        Assert.Equal(
            LateInNewYork,
            await db.OutboxMessages.Where(o => o.ConversationKey == conversation).MaxAsync(o => o.NextAttemptAt));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_timestamp_comes_back_as_the_same_instant_in_utc(string provider)
    {
        var database = await databases.For(provider);
        var conversation = NewConversation();
        var precise = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-4)).AddTicks(1_234_560);
        await using (var db = database.CreateContext())
        {
            db.OutboxMessages.Add(Row(conversation, "row", precise));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.OutboxMessages.SingleAsync(o => o.ConversationKey == conversation);

        Assert.Equal(precise, stored.NextAttemptAt);
        Assert.Equal(TimeSpan.Zero, stored.NextAttemptAt.Offset);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Bulk_updates_compare_and_set_timestamps_in_sql(string provider)
    {
        var database = await databases.For(provider);
        var conversation = NewConversation();
        await using var db = database.CreateContext();
        db.OutboxMessages.AddRange(Row(conversation, "early", EarlyInBerlin), Row(conversation, "late", LateInNewYork));
        await db.SaveChangesAsync();
        var sentAt = new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.FromHours(-5));

        var updated = await db.OutboxMessages
            .Where(o => o.ConversationKey == conversation && o.SentAt == null && o.NextAttemptAt < MiddleInLondon)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.SentAt, sentAt).SetProperty(o => o.Status, OutboxStatus.Sent));

        Assert.Equal(1, updated);
        var sent = await db.OutboxMessages.AsNoTracking().SingleAsync(o => o.ConversationKey == conversation && o.SentAt >= sentAt);
        Assert.Equal(("early", OutboxStatus.Sent, (DateTimeOffset?)sentAt), (sent.ActivityJson, sent.Status, sent.SentAt));
    }

    private static string NewConversation() => "sms/conversations/" + Guid.NewGuid().ToString("N");

    private static OutboxMessageRecord Row(string conversation, string marker, DateTimeOffset nextAttemptAt) => new()
    {
        ConversationKey = conversation,
        ChannelId = "sms",
        ActivityJson = marker,
        CreatedAt = TestCases.Now,
        Status = OutboxStatus.Pending,
        NextAttemptAt = nextAttemptAt,
    };
}
