using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Tests.Messaging;

/// <summary>Delivery statuses on the outbox rows, on real SQLite and PostgreSQL.</summary>
public sealed class DeliveryStatusLogTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);
    private static readonly string[] Statuses = ["queued", "sending", "sent", "delivered", "read"];

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Every_order_of_five_callbacks_with_duplicates_ends_at_read(string provider)
    {
        var (log, database) = await StoreAsync(provider);
        var orders = Permutations(Statuses).ToList();
        Assert.Equal(120, orders.Count);
        var ids = await AddRowsAsync(database, orders.Count);

        for (var i = 0; i < orders.Count; i++)
        {
            var sid = Sid(ids[i]);
            await SentAsync(database, ids[i], sid);
            foreach (var status in orders[i].Concat([orders[i][0], orders[i][^1]]))
            {
                await log.RecordAsync(Report(null, sid, status), CancellationToken.None);
            }
        }

        await using var db = database.CreateContext();
        var rows = await db.OutboxMessages.Where(o => ids.Contains(o.Id)).ToListAsync();
        Assert.All(rows, r => Assert.Equal(("read", DeliveryStatusRank.Of("read")), (r.DeliveryStatus, r.DeliveryRank)));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_sid_recorded_on_another_row_is_claimed_and_one_on_the_row_itself_or_nowhere_is_not(string provider)
    {
        var (log, database) = await StoreAsync(provider);
        var ids = await AddRowsAsync(database, 2);
        await SentAsync(database, ids[0], Sid(ids[0]));
        await SentAsync(database, ids[1], Sid(ids[1]));

        var claimed = await log.ClaimedByOthersAsync(ids[1], [Sid(ids[0]), Sid(ids[1]), "SM_nowhere"], CancellationToken.None);

        Assert.Equal([Sid(ids[0])], claimed);
        Assert.Empty(await log.ClaimedByOthersAsync(ids[1], [], CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Failed_sticks_and_keeps_its_error_code(string provider)
    {
        var (log, database) = await StoreAsync(provider);
        var id = (await AddRowsAsync(database, 1))[0];
        var sid = Sid(id);
        await SentAsync(database, id, sid);

        Assert.Equal(DeliveryReportOutcome.Applied, await log.RecordAsync(Report(null, sid, "sent"), CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.Applied, await log.RecordAsync(Report(null, sid, "undelivered", "30003"), CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.Stale, await log.RecordAsync(Report(null, sid, "delivered"), CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.Stale, await log.RecordAsync(Report(null, sid, "failed"), CancellationToken.None));

        await using var db = database.CreateContext();
        var row = await db.OutboxMessages.SingleAsync(o => o.Id == id);
        Assert.Equal("undelivered", row.DeliveryStatus);
        Assert.Equal("30003", row.DeliveryErrorCode);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_callback_naming_its_outbox_row_records_the_sid_the_send_never_learned(string provider)
    {
        var (log, database) = await StoreAsync(provider);
        var id = (await AddRowsAsync(database, 1))[0];

        Assert.Null(await log.FindProviderMessageIdAsync(id, CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.Applied, await log.RecordAsync(Report(id, Sid(id), "sent"), CancellationToken.None));

        Assert.Equal(Sid(id), await log.FindProviderMessageIdAsync(id, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_callback_for_a_message_we_never_sent_is_reported_unknown(string provider)
    {
        var (log, database) = await StoreAsync(provider);
        var id = (await AddRowsAsync(database, 1))[0];
        await SentAsync(database, id, Sid(id));

        Assert.Equal(DeliveryReportOutcome.UnknownMessage, await log.RecordAsync(Report(null, "SM" + Guid.NewGuid().ToString("N"), "sent"), CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.UnknownMessage, await log.RecordAsync(Report(id, "SM" + Guid.NewGuid().ToString("N"), "sent"), CancellationToken.None));
        Assert.Equal(DeliveryReportOutcome.UnknownMessage, await log.RecordAsync(Report(long.MaxValue, "SMx", "sent"), CancellationToken.None));
    }

    private static DeliveryReport Report(long? outboxId, string sid, string status, string? errorCode = null) =>
        new(outboxId, sid, status, DeliveryStatusRank.Of(status), errorCode, Now);

    private static string Sid(long id) => "SM" + id.ToString("D32", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<long>> AddRowsAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        var rows = Enumerable.Range(0, count).Select(_ => new OutboxMessageRecord
        {
            ConversationKey = "sms/conversations/+15551230000",
            ChannelId = "sms",
            ActivityJson = "{}",
            CreatedAt = Now,
            NextAttemptAt = Now,
            Status = OutboxStatus.Pending,
        }).ToList();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    private static async Task SentAsync(TestDatabase database, long id, string sid)
    {
        await using var db = database.CreateContext();
        await db.OutboxMessages.Where(o => o.Id == id).ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, OutboxStatus.Sent).SetProperty(o => o.ProviderMessageId, sid));
    }

    private static IEnumerable<string[]> Permutations(string[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    private async Task<(IDeliveryStatusLog Log, TestDatabase Database)> StoreAsync(string provider)
    {
        var database = await databases.For(provider);
        var host = StoreHost.Build(database);
        return (host.Services.GetRequiredService<IDeliveryStatusLog>(), database);
    }
}
