using ChannelBot.Application.Conversations;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.State;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Infrastructure.Photos;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Runs turns. Takes the next waiting activity of many conversations at once and, in ONE transaction, saves
/// each conversation's new state, any case its turn filed, its replies as outbox rows, and marks the activities
/// processed. Only after the commit are the replies handed to the outbox dispatcher. A batch that fails is
/// retried one turn at a time, so one broken conversation cannot hold up the others.
/// </summary>
internal sealed partial class TurnWorker : BackgroundService
{
    private const int MaxBatch = 64;
    private const int MaxAttempts = 5;

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly TurnScheduler _scheduler;
    private readonly IDialogEngineSource _engines;
    private readonly CaseGatewayFactory _cases;
    private readonly OutboxDispatcher _outbox;
    private readonly PhotoCollector _photos;
    private readonly SqliteWriteGate _writes;
    private readonly TimeProvider _clock;
    private readonly ILogger<TurnWorker> _logger;
    private readonly Dictionary<long, int> _failures = [];

    public TurnWorker(
        IDbContextFactory<ChannelBotDbContext> databases,
        TurnScheduler scheduler,
        IDialogEngineSource engines,
        CaseGatewayFactory cases,
        OutboxDispatcher outbox,
        PhotoCollector photos,
        SqliteWriteGate writes,
        TimeProvider clock,
        ILogger<TurnWorker> logger)
    {
        _databases = databases;
        _scheduler = scheduler;
        _engines = engines;
        _cases = cases;
        _outbox = outbox;
        _photos = photos;
        _writes = writes;
        _clock = clock;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await _scheduler.TakeAsync(MaxBatch, stoppingToken).ConfigureAwait(false);
            var work = batch.Select(b => b.Value).ToList();
            try
            {
                var sent = await RunAsync(work, stoppingToken).ConfigureAwait(false);
                Finish(work, sent);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                if (work.Count == 1)
                {
                    await FailAsync(work[0], exception, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                LogBatchFailed(exception, work.Count);
                foreach (var single in work)
                {
                    await RunAloneAsync(single, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>On start, every activity stored but not yet processed (a crash, a restart) gets its turn.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.InboundActivities
            .AsNoTracking()
            .Where(i => i.ProcessedAt == null)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ConversationKey, i.ActivityJson, i.Attempts })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in waiting)
        {
            _scheduler.Schedule(new InboundWork(row.Id, row.ConversationKey, ActivityJson.Deserialize(row.ActivityJson), row.Attempts));
        }

        if (waiting.Count > 0)
        {
            LogRecovered(waiting.Count);
        }
    }

    private async Task RunAloneAsync(InboundWork work, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await RunAsync([work], cancellationToken).ConfigureAwait(false);
            Finish([work], sent);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await FailAsync(work, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<OutboxMessageRecord>> RunAsync(List<InboundWork> work, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunInTransactionAsync(db, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writes.Exit(entered);
        }
    }

    private async Task<List<OutboxMessageRecord>> RunInTransactionAsync(ChannelBotDbContext db, List<InboundWork> work, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var engine = _engines.Current;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var keys = work.Select(w => w.ConversationKey).ToList();
        var conversations = await db.Conversations
            .Where(c => keys.Contains(c.Key))
            .ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
        var gateway = _cases.Create(db);
        var outbox = new List<OutboxMessageRecord>();
        var filed = false;
        foreach (var item in work)
        {
            var conversation = conversations.GetValueOrDefault(item.ConversationKey) ?? Start(db, item, conversations);
            var state = DialogStateJson.Deserialize(conversation.StateJson);
            var result = await ConversationTurn.RunAsync(engine, state, item.Activity, gateway, cancellationToken).ConfigureAwait(false);
            filed |= result.CreatedCase is not null;
            conversation.StateJson = DialogStateJson.Serialize(result.State);
            conversation.Version++;
            conversation.UpdatedAt = now;
            if (item.Activity.IsType(ActivityTypes.Message))
            {
                conversation.LastInboundAt = now;
                conversation.ReferenceJson = ActivityJson.Serialize(item.Activity.GetConversationReference());
            }

            foreach (var reply in result.Replies)
            {
                reply.Timestamp ??= now;
                outbox.Add(new OutboxMessageRecord
                {
                    ConversationKey = item.ConversationKey,
                    ChannelId = reply.ChannelId ?? item.Activity.ChannelId ?? string.Empty,
                    ActivityJson = ActivityJson.Serialize(reply),
                    CreatedAt = now,
                    NextAttemptAt = now,
                    Status = OutboxStatus.Pending,
                    CaseId = gateway.CaseIdFor(result.CreatedCase),
                });
            }
        }

        db.OutboxMessages.AddRange(outbox);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var ids = work.Select(w => w.Id).ToList();
        await db.InboundActivities
            .Where(i => ids.Contains(i.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ProcessedAt, now), cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (filed)
        {
            _photos.Wake();
        }

        return outbox;
    }

    private static ConversationRecord Start(ChannelBotDbContext db, InboundWork item, Dictionary<string, ConversationRecord> conversations)
    {
        var conversation = new ConversationRecord
        {
            Key = item.ConversationKey,
            ChannelId = item.Activity.ChannelId ?? string.Empty,
            ConversationId = item.Activity.Conversation?.Id ?? string.Empty,
            StateJson = string.Empty,
        };
        db.Conversations.Add(conversation);
        conversations[item.ConversationKey] = conversation;
        return conversation;
    }

    private void Finish(List<InboundWork> work, List<OutboxMessageRecord> sent)
    {
        foreach (var item in work)
        {
            _failures.Remove(item.Id);
            _scheduler.Done(item);
        }

        _outbox.Dispatch(sent);
    }

    private async Task FailAsync(InboundWork work, Exception exception, CancellationToken cancellationToken)
    {
        var attempts = _failures[work.Id] = _failures.GetValueOrDefault(work.Id, work.PreviousAttempts) + 1;
        LogTurnFailed(exception, work.ConversationKey, attempts);
        var giveUp = attempts >= MaxAttempts;
        try
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var processedAt = giveUp ? _clock.GetUtcNow() : (DateTimeOffset?)null;
            var error = exception.GetType().Name + ": " + exception.Message;
            await db.InboundActivities
                .Where(i => i.Id == work.Id)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(i => i.Attempts, attempts).SetProperty(i => i.LastError, error).SetProperty(i => i.ProcessedAt, processedAt),
                    cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception recordFailure) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailureNotRecorded(recordFailure);
        }

        if (giveUp)
        {
            _failures.Remove(work.Id);
            _scheduler.Done(work);
            return;
        }

        // The conversation stays held (its later activities wait behind this one) while the others go on.
        _ = RetryLaterAsync(work, TimeSpan.FromMilliseconds(200 * attempts * attempts), cancellationToken);
    }

    private async Task RetryLaterAsync(InboundWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _scheduler.TryAgain(work);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "A batch of {Count} turns failed; running them one at a time.")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "A turn of {ConversationKey} failed (attempt {Attempts}).")]
    private partial void LogTurnFailed(Exception exception, string conversationKey, int attempts);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "A turn failure could not be recorded.")]
    private partial void LogFailureNotRecorded(Exception exception);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Recovered {Count} inbound activities stored before the last stop.")]
    private partial void LogRecovered(int count);
}
