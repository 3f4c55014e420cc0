using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Instances;

/// <summary>
/// Who works on what when several instances share one database. Each instance has a row in <c>Instances</c> that it
/// renews every <see cref="InstanceOptions.HeartbeatInterval"/> and deletes when it stops; inbound activities and
/// outbox rows carry the id of the instance that owns them (the one that wrote them). Work whose owner stopped, or was
/// silent longer than <see cref="InstanceOptions.PresumedDeadAfter"/>, is taken over by compare-and-set on the previous
/// owner, so two instances taking over at the same moment never both get a row.
/// </summary>
internal sealed class WorkOwnership(IDbContextFactory<ChannelBotDbContext> databases, InstanceIdentity instance, IOptions<InstanceOptions> options, TimeProvider clock)
{
    private const int Page = 1000;

    private readonly InstanceOptions _options = options.Value;

    public string Id => instance.Id;

    /// <summary>Enters this instance; <paramref name="alone"/> (SQLite, file lock held) forgets every other instance at once: none can be running.</summary>
    public async Task RegisterAsync(bool alone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (alone)
        {
            await db.Instances.Where(i => i.Id != instance.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        db.Instances.Add(new InstanceRecord { Id = instance.Id, StartedAt = now, HeartbeatAt = now });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says this instance is alive (entering it again if its row was removed as long dead), and forgets instances long gone.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var renewed = await db.Instances.Where(i => i.Id == instance.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeartbeatAt, now), cancellationToken).ConfigureAwait(false);
        if (renewed == 0)
        {
            db.Instances.Add(new InstanceRecord { Id = instance.Id, StartedAt = now, HeartbeatAt = now });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var longGone = now - LongGone;
        await db.Instances.Where(i => i.HeartbeatAt < longGone).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leaves: from now on everything this instance still owns is anyone's to take over.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Instances.Where(i => i.Id == instance.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes over pending outbox rows whose owner is gone; returns their ids (each may have been sent before its owner went).</summary>
    public async Task<List<long>> TakeOverOutboxAsync(CancellationToken cancellationToken)
    {
        var taken = await TakeOverAsync(Outbox, """ "Id" """, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        taken.Sort();
        return taken;
    }

    /// <summary>Takes over inbound activities still waiting for their turn whose owner is gone, in arrival order.</summary>
    public async Task<List<InboundActivityRecord>> TakeOverInboundAsync(CancellationToken cancellationToken)
    {
        var taken = await TakeOverAsync(
            Inbound,
            """ "Id", "ChannelId", "ActivityId", "ConversationKey", "ActivityJson", "Attempts", "Overruns" """,
            r => new InboundActivityRecord
            {
                Id = r.GetInt64(0),
                ChannelId = r.GetString(1),
                ActivityId = r.GetString(2),
                ConversationKey = r.GetString(3),
                ActivityJson = r.GetString(4),
                Attempts = r.GetInt32(5),
                Overruns = r.GetInt32(6),
                OwnerId = instance.Id,
            },
            cancellationToken).ConfigureAwait(false);
        taken.Sort((a, b) => a.Id.CompareTo(b.Id));
        return taken;
    }

    /// <summary>
    /// Per gone owner, a page at a time: <c>UPDATE … SET "OwnerId" = me WHERE "Id" IN (its waiting rows) AND "OwnerId" =
    /// that owner RETURNING …</c>. The owner is checked again by the UPDATE itself, so of two instances taking over at
    /// once, the second finds the row no longer that owner's and leaves it.
    /// </summary>
    private async Task<List<T>> TakeOverAsync<T>(OwnedTable table, string returning, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var taken = new List<T>();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var owner in await GoneOwnersAsync(db, table, cancellationToken).ConfigureAwait(false))
        {
            List<T> page;
            do
            {
                var claim = StoreCommand.On(db);
                await using (claim.ConfigureAwait(false))
                {
                    claim.Sql($"""UPDATE "{table.Name}" SET "OwnerId" = """).Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.OwnerId), instance.Id)
                        .Sql($""" WHERE "Id" IN (SELECT "Id" FROM "{table.Name}" WHERE """);
                    table.Waiting(claim);
                    OwnedBy(claim, owner).Sql($""" ORDER BY "Id" LIMIT {Page}) AND """);
                    table.Waiting(claim);
                    OwnedBy(claim, owner).Sql(" RETURNING " + returning);
                    page = await claim.QueryAsync(read, cancellationToken).ConfigureAwait(false);
                }

                taken.AddRange(page);
            }
            while (page.Count == Page);
        }

        return taken;
    }

    /// <summary>Instances silent this long lose their row (their work was taken over long before).</summary>
    private static readonly TimeSpan LongGone = TimeSpan.FromDays(1);

    /// <summary>Outbox rows wait while pending.</summary>
    private static readonly OwnedTable Outbox = new("OutboxMessages", command =>
        command.Sql("\"Status\" = ").Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Status), OutboxStatus.Pending));

    /// <summary>Inbound activities wait until their turn is committed (or they are set aside).</summary>
    private static readonly OwnedTable Inbound = new("InboundActivities", command => command.Sql("\"ProcessedAt\" IS NULL"));

    private static StoreCommand OwnedBy(StoreCommand command, string? owner) => owner is null
        ? command.Sql(""" AND "OwnerId" IS NULL""")
        : command.Sql(""" AND "OwnerId" = """).Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.OwnerId), owner);

    /// <summary>The owners (null: none) of waiting rows who are not alive: stopped, or silent past <see cref="InstanceOptions.PresumedDeadAfter"/>.</summary>
    private async Task<List<string?>> GoneOwnersAsync(ChannelBotDbContext db, OwnedTable table, CancellationToken cancellationToken)
    {
        var query = StoreCommand.On(db);
        await using (query.ConfigureAwait(false))
        {
            query.Sql($"""SELECT DISTINCT "OwnerId" FROM "{table.Name}" WHERE """);
            table.Waiting(query);
            query.Sql(""" AND ("OwnerId" IS NULL OR ("OwnerId" <> """).Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.OwnerId), instance.Id)
                .Sql(""" AND "OwnerId" NOT IN (SELECT "Id" FROM "Instances" WHERE "HeartbeatAt" >= """)
                .Value<InstanceRecord>(nameof(InstanceRecord.HeartbeatAt), clock.GetUtcNow() - _options.PresumedDeadAfter)
                .Sql(")))");
            return await query.QueryAsync(r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A table of owned work: its name and the condition of its rows still waiting to be done.</summary>
    private sealed record OwnedTable(string Name, Action<StoreCommand> Waiting);
}
