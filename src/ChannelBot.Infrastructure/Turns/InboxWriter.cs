using ChannelBot.Infrastructure.Instances;
using System.Threading.Channels;
using ChannelBot.Application.Conversations;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Stores inbound activities before anything acknowledges them. Concurrent arrivals are written together in
/// one transaction (group commit), duplicates (same channel and activity id, in the batch or already stored)
/// are reported and dropped, and each stored activity is handed to the <see cref="TurnScheduler"/>.
/// </summary>
internal sealed partial class InboxWriter : BackgroundService, IInboundActivitySink
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingInbound> _incoming = Channel.CreateBounded<PendingInbound>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly TurnScheduler _scheduler;
    private readonly SqliteWriteGate _writes;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboxWriter> _logger;
    private readonly string _owner;

    public InboxWriter(IDbContextFactory<ChannelBotDbContext> databases, TurnScheduler scheduler, SqliteWriteGate writes, TimeProvider clock, InstanceIdentity instance, ILogger<InboxWriter> logger)
    {
        _owner = instance.Id;
        _databases = databases;
        _scheduler = scheduler;
        _writes = writes;
        _clock = clock;
        _logger = logger;
    }

    public async Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = activity.ChannelId ?? throw new ArgumentException("The activity has no channelId.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var activityId = activity.Id ?? throw new ArgumentException("The activity has no id.", nameof(activity));
        if (InboundLimits.Problem(activity) is { } problem)
        {
            LogRefused(channelId, problem);
            return InboundAcceptance.Refused;
        }

        InboundLimits.Apply(activity);
        var pending = new PendingInbound(activity, channelId, activityId, ConversationKey.For(channelId, conversationId), ActivityJson.Serialize(activity));
        await _incoming.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _incoming.Reader;
        var batch = new List<PendingInbound>(MaxBatch);
        while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await StoreOrSplitAsync(batch, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores the batch; if that fails, each activity alone, so one that cannot be stored fails only its own
    /// request and the others are acknowledged as usual.
    /// </summary>
    private async Task StoreOrSplitAsync(List<PendingInbound> batch, CancellationToken stoppingToken)
    {
        try
        {
            await StoreAsync(batch, stoppingToken).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (batch.Count > 1 && !stoppingToken.IsCancellationRequested)
        {
            LogBatchSplit(exception, batch.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            Fail(batch, exception);
            return;
        }

        foreach (var item in batch)
        {
            item.Duplicate = false;
            item.StoredId = null;
            List<PendingInbound> single = [item];
            try
            {
                await StoreAsync(single, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Fail(single, exception);
            }
        }
    }

    private void Fail(List<PendingInbound> items, Exception exception)
    {
        LogStoreFailed(exception, items.Count);
        foreach (var item in items)
        {
            item.Completion.TrySetException(new InboxUnavailableException(exception));
        }
    }

    private async Task StoreAsync(List<PendingInbound> batch, CancellationToken cancellationToken)
    {
        // Duplicates inside the batch never reach the database; those already stored (or stored at the same
        // moment by another instance) are skipped by ON CONFLICT DO NOTHING and simply not returned.
        var fresh = new List<PendingInbound>(batch.Count);
        var seen = new HashSet<(string, string)>();
        foreach (var item in batch)
        {
            if (seen.Add((item.ChannelId, item.ActivityId)))
            {
                fresh.Add(item);
            }
            else
            {
                item.Duplicate = true;
            }
        }

        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var insert = StoreCommand.On(db);
        await using (insert.ConfigureAwait(false))
        {
            insert.Sql("""INSERT INTO "InboundActivities" ("ChannelId", "ActivityId", "ConversationKey", "ActivityJson", "ReceivedAt", "Attempts", "OwnerId") VALUES """);
            for (var i = 0; i < fresh.Count; i++)
            {
                var item = fresh[i];
                insert.Sql(i == 0 ? "(" : ", (")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ChannelId), item.ChannelId).Sql(", ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ActivityId), item.ActivityId).Sql(", ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ConversationKey), item.ConversationKey).Sql(", ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ActivityJson), item.Json).Sql(", ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ReceivedAt), now).Sql(", 0, ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.OwnerId), _owner).Sql(")");
            }

            insert.Sql("""
                 ON CONFLICT ("ActivityId", "ChannelId") DO NOTHING RETURNING "Id", "ChannelId", "ActivityId"
                """);

            List<(long Id, string ChannelId, string ActivityId)> stored;
            var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
            try
            {
                stored = await insert.QueryAsync(r => (r.GetInt64(0), r.GetString(1), r.GetString(2)), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writes.Exit(entered);
            }

            var ids = new Dictionary<(string, string), long>(stored.Count);
            foreach (var (id, channelId, activityId) in stored)
            {
                ids[(channelId, activityId)] = id;
            }

            foreach (var item in fresh)
            {
                if (ids.TryGetValue((item.ChannelId, item.ActivityId), out var id))
                {
                    item.StoredId = id;
                }
                else
                {
                    item.Duplicate = true;
                }
            }
        }

        Finish(batch);
    }

    private void Finish(List<PendingInbound> batch)
    {
        foreach (var item in batch)
        {
            if (item.StoredId is { } id)
            {
                _scheduler.Schedule(new InboundWork(id, item.ConversationKey, item.Activity));
                item.Completion.TrySetResult(InboundAcceptance.Accepted);
            }
            else
            {
                item.Completion.TrySetResult(InboundAcceptance.Duplicate);
            }
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Storing a batch of {Count} inbound activities failed; storing each alone.")]
    private partial void LogBatchSplit(Exception exception, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "An inbound {ChannelId} activity was refused: {Problem}.")]
    private partial void LogRefused(string channelId, string problem);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Storing {Count} inbound activities failed; their channels get an error and will redeliver.")]
    private partial void LogStoreFailed(Exception exception, int count);
}
