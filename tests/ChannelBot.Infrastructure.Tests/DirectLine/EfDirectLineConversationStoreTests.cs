using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.DirectLine;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Infrastructure.Tests.DirectLine;

/// <summary>The web chat conversation log in the database, on SQLite and on PostgreSQL.</summary>
public sealed class EfDirectLineConversationStoreTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = TestCases.Now;

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_conversation_round_trips_with_its_user_times_high_water_mark_and_started_flag(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = NewId();
        await store.AddAsync(new StoredDirectLineConversation(id, "dl_user", "Ana", Now, Now, 0, Started: false), CancellationToken.None);

        await store.MarkStartedAsync(id, CancellationToken.None);
        await store.ReserveThroughAsync(id, 16, CancellationToken.None);
        await store.ReserveThroughAsync(id, 8, CancellationToken.None);
        await store.TouchAsync(id, Now.AddMinutes(5), CancellationToken.None);
        await store.TouchAsync(id, Now.AddMinutes(1), CancellationToken.None);

        var found = await store.FindAsync(id, 10, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal(new StoredDirectLineConversation(id, "dl_user", "Ana", Now, Now.AddMinutes(5), 16, Started: true), found.Conversation);
        Assert.Empty(found.Tail);
        Assert.Null(await store.FindAsync(NewId(), 10, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_log_reads_in_sequence_order_between_watermarks_and_the_tail_is_the_last_ones(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = await NewConversationAsync(store);
        foreach (var sequence in new long[] { 3, 0, 5, 1, 2 })
        {
            await store.AppendAsync(id, Activity(sequence), CancellationToken.None);
        }

        var read = await store.ReadAsync(id, 1, 5, int.MaxValue, CancellationToken.None);
        var found = await store.FindAsync(id, 2, CancellationToken.None);

        Assert.Equal([1L, 2, 3], read.Select(a => a.Sequence));
        Assert.Equal(Activity(2).ActivityJson, read[1].ActivityJson);
        Assert.Equal([3L, 5], found!.Tail.Select(a => a.Sequence));
        Assert.Equal(Now.AddSeconds(5), found.Conversation.LastActiveAt);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_same_outbox_row_appended_twice_keeps_its_first_sequence(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = await NewConversationAsync(store);

        var first = await store.AppendAsync(id, Activity(4, outboxId: 77), CancellationToken.None);
        var again = await store.AppendAsync(id, Activity(9, outboxId: 77), CancellationToken.None);

        Assert.Equal((4L, 4L), (first, again));
        var stored = Assert.Single(await store.ReadAsync(id, 0, 100, int.MaxValue, CancellationToken.None));
        Assert.Equal(77, stored.OutboxId);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Concurrent_resends_of_one_outbox_row_store_it_once_and_all_answer_the_same_sequence(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = await NewConversationAsync(store);

        var sequences = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => store.AppendAsync(id, Activity(i, outboxId: 5), CancellationToken.None))));

        var stored = Assert.Single(await store.ReadAsync(id, 0, 100, int.MaxValue, CancellationToken.None));
        Assert.All(sequences, s => Assert.Equal(stored.Sequence, s));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Many_appends_at_once_to_one_conversation_are_all_stored_with_no_gap(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = await NewConversationAsync(store);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() => store.AppendAsync(id, Activity(i), CancellationToken.None))));

        var read = await store.ReadAsync(id, 0, 1000, int.MaxValue, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (long)i), read.Select(a => a.Sequence));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_sequence_stored_once_cannot_be_stored_again(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var id = await NewConversationAsync(store);
        await store.AppendAsync(id, Activity(0), CancellationToken.None);

        await Assert.ThrowsAsync<DbUpdateException>(() => store.AppendAsync(id, Activity(0), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(id, Activity(0, outboxId: 3), CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_sweep_deletes_idle_conversations_with_their_activities_and_keeps_the_rest(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var idle = await NewConversationAsync(store, Now.AddDays(-30));
        var active = await NewConversationAsync(store, Now.AddDays(-30));
        await store.AppendAsync(idle, Activity(0, at: Now.AddDays(-30)), CancellationToken.None);
        await store.AppendAsync(active, Activity(0), CancellationToken.None);

        var deleted = await store.DeleteIdleAsync(Now.AddDays(-7), CancellationToken.None);

        Assert.Contains(idle, deleted);
        Assert.DoesNotContain(active, deleted);
        Assert.Null(await store.FindAsync(idle, 10, CancellationToken.None));
        Assert.Single((await store.FindAsync(active, 10, CancellationToken.None))!.Tail);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        Assert.False(await db.DirectLineActivities.AnyAsync(a => a.ConversationId == idle));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReserveThroughAsync(idle, 16, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_count_is_of_stored_conversations(string provider)
    {
        using var host = await HostAsync(provider);
        var store = Store(host);
        var before = await store.CountAsync(CancellationToken.None);

        await NewConversationAsync(store);
        await NewConversationAsync(store);

        Assert.Equal(before + 2, await store.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_application_registers_the_database_store(string provider)
    {
        using var host = await HostAsync(provider);

        Assert.IsType<EfDirectLineConversationStore>(Store(host));
    }

    private async Task<IHost> HostAsync(string provider)
    {
        var database = await databases.For(provider);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Storage:Provider"] = database.Provider;
        builder.Configuration["Storage:ConnectionString"] = database.ConnectionString;
        builder.Configuration["Storage:MigrateOnStartup"] = "false";
        builder.AddPersistence();
        builder.AddDirectLineStore();
        return builder.Build();
    }

    private static IDirectLineConversationStore Store(IHost host) => host.Services.GetRequiredService<IDirectLineConversationStore>();

    private static async Task<string> NewConversationAsync(IDirectLineConversationStore store, DateTimeOffset? at = null)
    {
        var id = NewId();
        await store.AddAsync(new StoredDirectLineConversation(id, "dl_" + id, null, at ?? Now, at ?? Now, 0, Started: true), CancellationToken.None);
        return id;
    }

    private static StoredDirectLineActivity Activity(long sequence, long? outboxId = null, DateTimeOffset? at = null) =>
        new(sequence, $$"""{"type":"message","id":"c|{{sequence:0000000}}","text":"message {{sequence}}"}""", at ?? Now.AddSeconds(sequence), outboxId);

    private static string NewId() => Guid.NewGuid().ToString("N")[..22];
}
