using System.Collections.Concurrent;
using System.Text.Json;
using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.DirectLine;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Infrastructure.Tests.DirectLine;

/// <summary>
/// The Direct Line log shared by several instances on PostgreSQL: two hosts on one database stand for two instances.
/// </summary>
public sealed class PostgresDirectLineSharedLogTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = TestCases.Now;

    [Fact]
    public async Task Appends_from_two_instances_at_once_get_gap_free_positions_and_both_instances_hear_of_them()
    {
        using var first = await HostAsync();
        using var second = await HostAsync();
        var heardFirst = await ListeningAsync(first);
        var heardSecond = await ListeningAsync(second);
        var id = await NewConversationAsync(first);

        var appended = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Log(i % 2 == 0 ? first : second).AppendAsync(id, $"{id}|{i:0000000}", Activity(id, i), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), appended.Select(a => a.Position).Order());
        var read = await Store(second).ReadAsync(id, 1, long.MaxValue, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), read.Select(a => a.Sequence));
        Assert.Equal(appended.OrderBy(a => a.Position).Select(a => a.ActivityId), read.Select(a => IdOf(a.ActivityJson)));
        await EventuallyAsync(() => heardFirst.Contains(id) && heardSecond.Contains(id));
    }

    [Fact]
    public async Task A_resent_outbox_row_keeps_its_first_position_and_id_on_another_instance()
    {
        using var first = await HostAsync();
        using var second = await HostAsync();
        var id = await NewConversationAsync(first);

        var sent = await Log(first).AppendAsync(id, $"{id}|0000001", Activity(id, 1, outboxId: 7), CancellationToken.None);
        var resent = await Log(second).AppendAsync(id, $"{id}|0000017", Activity(id, 17, outboxId: 7), CancellationToken.None);

        Assert.Equal(sent, resent);
        Assert.Single(await Store(first).ReadAsync(id, 0, long.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Blocks_of_ids_reserved_by_two_instances_at_once_never_overlap()
    {
        using var first = await HostAsync();
        using var second = await HostAsync();
        var id = await NewConversationAsync(first);

        var ends = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Log(i % 2 == 0 ? first : second).ReserveAsync(id, 16, CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => i * 16L), ends.Order());
    }

    [Fact]
    public async Task A_conversation_is_started_once_whichever_instance_is_asked()
    {
        using var first = await HostAsync();
        using var second = await HostAsync();
        var id = await NewConversationAsync(first);

        var started = await Task.WhenAll(Log(first).MarkStartedAsync(id, CancellationToken.None), Log(second).MarkStartedAsync(id, CancellationToken.None));

        Assert.Single(started, true);
    }

    [Fact]
    public async Task Appending_to_a_swept_conversation_fails()
    {
        using var host = await HostAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Log(host).AppendAsync("gone", "gone|0000001", Activity("gone", 1), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Log(host).ReserveAsync("gone", 16, CancellationToken.None));
    }

    private async Task<IHost> HostAsync()
    {
        var database = await databases.For(TestProviders.Postgres);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Storage:Provider"] = database.Provider;
        builder.Configuration["Storage:ConnectionString"] = database.ConnectionString;
        builder.Configuration["Storage:MigrateOnStartup"] = "false";
        builder.AddPersistence();
        builder.AddDirectLineStore();
        return builder.Build();
    }

    /// <summary>Starts the host's listener; the conversation ids it hears from then on.</summary>
    private static async Task<ConcurrentBag<string>> ListeningAsync(IHost host)
    {
        var heard = new ConcurrentBag<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Log(host).Appended += id =>
        {
            if (id is null)
            {
                listening.TrySetResult();
            }
            else
            {
                heard.Add(id);
            }
        };
        await host.Services.GetServices<IHostedService>().OfType<DirectLineLogListener>().Single().StartAsync(CancellationToken.None);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return heard;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not within 30 s.");
            await Task.Delay(20);
        }
    }

    private static string? IdOf(string activityJson)
    {
        using var json = JsonDocument.Parse(activityJson);
        return json.RootElement.GetProperty("id").GetString();
    }

    private static IDirectLineSharedLog Log(IHost host) => host.Services.GetRequiredService<IDirectLineSharedLog>();

    private static IDirectLineConversationStore Store(IHost host) => host.Services.GetRequiredService<IDirectLineConversationStore>();

    private static async Task<string> NewConversationAsync(IHost host)
    {
        var id = Guid.NewGuid().ToString("N")[..22];
        await Store(host).AddAsync(new StoredDirectLineConversation(id, "dl_" + id, null, Now, Now, 0, Started: false), CancellationToken.None);
        return id;
    }

    private static StoredDirectLineActivity Activity(string conversationId, long sequence, long? outboxId = null) =>
        new(0, $$"""{"id":"{{conversationId}}|{{sequence:0000000}}","type":"message","text":"message {{sequence}}"}""", Now.AddSeconds(sequence), outboxId);
}
