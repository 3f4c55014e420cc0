using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public class ConversationRecordTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_save_based_on_an_older_version_fails_with_a_concurrency_exception(string provider)
    {
        var database = await databases.For(provider);
        var key = NewKey();
        await using (var db = database.CreateContext())
        {
            db.Conversations.Add(Conversation(key));
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Conversations.SingleAsync(c => c.Key == key);
        var theirs = await second.Conversations.SingleAsync(c => c.Key == key);
        mine.StateJson = """{"turn":"mine"}""";
        mine.Version++;
        theirs.StateJson = """{"turn":"theirs"}""";
        theirs.Version++;

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = database.CreateContext();
        var stored = await read.Conversations.SingleAsync(c => c.Key == key);
        Assert.Equal(("""{"turn":"mine"}""", 2L), (stored.StateJson, stored.Version));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_conversation_round_trips_with_its_timestamps_and_reference(string provider)
    {
        var database = await databases.For(provider);
        var key = NewKey();
        var lastInbound = new DateTimeOffset(2026, 3, 10, 9, 15, 30, 123, TimeSpan.FromHours(-5));
        await using (var db = database.CreateContext())
        {
            var conversation = Conversation(key);
            conversation.LastInboundAt = lastInbound;
            conversation.ReferenceJson = """{"serviceUrl":"https://example.org"}""";
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var stored = await read.Conversations.SingleAsync(c => c.Key == key);
        Assert.Equal(lastInbound, stored.LastInboundAt);
        Assert.Equal(TimeSpan.Zero, stored.LastInboundAt!.Value.Offset);
        Assert.Equal(TestCases.Now, stored.UpdatedAt);
        Assert.Equal("""{"serviceUrl":"https://example.org"}""", stored.ReferenceJson);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_second_conversation_with_the_same_key_is_a_unique_violation(string provider)
    {
        var database = await databases.For(provider);
        var key = NewKey();
        await using (var db = database.CreateContext())
        {
            db.Conversations.Add(Conversation(key));
            await db.SaveChangesAsync();
        }

        await using var again = database.CreateContext();
        again.Conversations.Add(Conversation(key));
        var exception = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());

        Assert.True(DbExceptionClassifier.IsUniqueViolation(exception));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_key_of_the_full_300_characters_fits(string provider)
    {
        var database = await databases.For(provider);
        var prefix = NewKey() + "-";
        var key = prefix + new string('x', ConversationRecord.MaxKeyLength - prefix.Length);
        await using var db = database.CreateContext();
        db.Conversations.Add(Conversation(key));

        await db.SaveChangesAsync();

        Assert.Equal(ConversationRecord.MaxKeyLength, (await db.Conversations.AsNoTracking().SingleAsync(c => c.Key == key)).Key.Length);
    }

    private static string NewKey() => "directline/conversations/" + Guid.NewGuid().ToString("N");

    private static ConversationRecord Conversation(string key) => new()
    {
        Key = key,
        ChannelId = "directline",
        ConversationId = key[(key.LastIndexOf('/') + 1)..],
        StateJson = "{}",
        Version = 1,
        UpdatedAt = TestCases.Now,
    };
}
