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

    public InboxWriter(IDbContextFactory<ChannelBotDbContext> databases, TurnScheduler scheduler, SqliteWriteGate writes, TimeProvider clock, ILogger<InboxWriter> logger)
    {
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

            try
            {
                await StoreAsync(batch, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogStoreFailed(exception, batch.Count);
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(new InboxUnavailableException(exception));
                }
            }
        }
    }

    private async Task StoreAsync(List<PendingInbound> batch, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var fresh = new List<PendingInbound>(batch.Count);
        var seen = new HashSet<(string, string)>();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = batch.Select(b => b.ActivityId).Distinct().ToList();
        var stored = await db.InboundActivities
            .Where(i => ids.Contains(i.ActivityId))
            .Select(i => new { i.ChannelId, i.ActivityId })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in stored)
        {
            seen.Add((row.ChannelId, row.ActivityId));
        }

        var records = new List<(PendingInbound Item, InboundActivityRecord Record)>();
        foreach (var item in batch)
        {
            if (!seen.Add((item.ChannelId, item.ActivityId)))
            {
                item.Duplicate = true;
                continue;
            }

            var record = new InboundActivityRecord
            {
                ChannelId = item.ChannelId,
                ActivityId = item.ActivityId,
                ConversationKey = item.ConversationKey,
                ActivityJson = item.Json,
                ReceivedAt = now,
            };
            db.InboundActivities.Add(record);
            records.Add((item, record));
            fresh.Add(item);
        }

        if (records.Count > 0)
        {
            var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception))
            {
                _writes.Exit(entered);
                entered = false;
                // Another instance stored one of these in the meantime: fall back to one at a time.
                await StoreOneByOneAsync(records.Select(r => r.Item).ToList(), now, cancellationToken).ConfigureAwait(false);
                Finish(batch);
                return;
            }
            finally
            {
                _writes.Exit(entered);
            }

            foreach (var (item, record) in records)
            {
                item.StoredId = record.Id;
            }
        }

        Finish(batch);
    }

    private async Task StoreOneByOneAsync(List<PendingInbound> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var record = new InboundActivityRecord
            {
                ChannelId = item.ChannelId,
                ActivityId = item.ActivityId,
                ConversationKey = item.ConversationKey,
                ActivityJson = item.Json,
                ReceivedAt = now,
            };
            db.InboundActivities.Add(record);
            var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                item.StoredId = record.Id;
            }
            catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception))
            {
                item.Duplicate = true;
            }
            finally
            {
                _writes.Exit(entered);
            }
        }
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Storing {Count} inbound activities failed; their channels get an error and will redeliver.")]
    private partial void LogStoreFailed(Exception exception, int count);
}
