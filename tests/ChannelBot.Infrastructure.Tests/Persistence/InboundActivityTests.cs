using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public class InboundActivityTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_redelivered_activity_is_refused_as_a_unique_violation(string provider)
    {
        var database = await databases.For(provider);
        var activityId = "SM" + Guid.NewGuid().ToString("N");
        await using (var db = database.CreateContext())
        {
            db.InboundActivities.Add(Inbound("sms", activityId));
            await db.SaveChangesAsync();
        }

        await using var again = database.CreateContext();
        again.InboundActivities.Add(Inbound("sms", activityId));
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.True(DbExceptionClassifier.IsUniqueViolation(exception));
        Assert.True(DbExceptionClassifier.IsUniqueViolation(exception, "InboundActivities"));
        Assert.False(DbExceptionClassifier.IsUniqueViolation(exception, "Cases"));
        await using var read = database.CreateContext();
        Assert.Equal(1, await read.InboundActivities.CountAsync(i => i.ActivityId == activityId));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_same_activity_id_on_another_channel_is_another_activity(string provider)
    {
        var database = await databases.For(provider);
        var activityId = "shared-" + Guid.NewGuid().ToString("N");
        await using var db = database.CreateContext();
        db.InboundActivities.AddRange(Inbound("sms", activityId), Inbound("whatsapp", activityId));

        await db.SaveChangesAsync();

        Assert.Equal(2, await db.InboundActivities.CountAsync(i => i.ActivityId == activityId));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Other_database_errors_are_not_called_unique_violations(string provider)
    {
        var database = await databases.For(provider);
        await using var db = database.CreateContext();

        var notNull = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "InboundActivities" ("ChannelId") VALUES ('sms')"""));
        var missingTable = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("""SELECT * FROM "NoSuchTable" """));

        Assert.NotNull(notNull);
        Assert.NotNull(missingTable);
        Assert.False(DbExceptionClassifier.IsUniqueViolation(notNull));
        Assert.False(DbExceptionClassifier.IsUniqueViolation(missingTable));
        Assert.False(DbExceptionClassifier.IsUniqueViolation(new InvalidOperationException("not a database error")));
        Assert.False(DbExceptionClassifier.IsUniqueViolation(null));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Unprocessed_activities_come_back_oldest_first(string provider)
    {
        var database = await databases.For(provider);
        var conversation = "sms/conversations/" + Guid.NewGuid().ToString("N");
        await using var db = database.CreateContext();
        var first = Inbound("sms", "a-" + Guid.NewGuid().ToString("N"), conversation);
        var done = Inbound("sms", "b-" + Guid.NewGuid().ToString("N"), conversation);
        var third = Inbound("sms", "c-" + Guid.NewGuid().ToString("N"), conversation);
        done.ProcessedAt = TestCases.Now;
        db.InboundActivities.Add(first);
        await db.SaveChangesAsync();
        db.InboundActivities.Add(done);
        await db.SaveChangesAsync();
        db.InboundActivities.Add(third);
        await db.SaveChangesAsync();

        var waiting = await db.InboundActivities
            .Where(i => i.ProcessedAt == null && i.ConversationKey == conversation)
            .OrderBy(i => i.Id)
            .Select(i => i.ActivityId)
            .ToListAsync();

        Assert.Equal([first.ActivityId, third.ActivityId], waiting);
    }

    private static InboundActivityRecord Inbound(string channelId, string activityId, string? conversationKey = null) => new()
    {
        ChannelId = channelId,
        ActivityId = activityId,
        ConversationKey = conversationKey ?? $"{channelId}/conversations/+15555550123",
        ActivityJson = """{"type":"message","text":"hi"}""",
        ReceivedAt = TestCases.Now,
    };
}
