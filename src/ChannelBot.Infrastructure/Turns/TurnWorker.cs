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
    private readonly ConversationCache _conversations = new();

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

    private async Task<Outgoing> RunAsync(List<InboundWork> work, CancellationToken cancellationToken)
    {
        try
        {
            return await RunBatchAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Someone else changed one of these conversations (a staff status change asking "Is it fixed?",
            // another instance) after it was cached: nothing was written; read them again and run the batch
            // once more at once. That is no failure of the turn, so it costs no attempt.
            Forget(work);
            LogConflict(exception, work.Count);
        }
        catch
        {
            Forget(work);
            throw;
        }

        try
        {
            return await RunBatchAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(work);
            throw;
        }
    }

    /// <summary>Whatever was cached for these conversations may no longer be what is stored: they are read again.</summary>
    private void Forget(List<InboundWork> work)
    {
        foreach (var item in work)
        {
            _conversations.Remove(item.ConversationKey);
        }
    }

    /// <summary>
    /// Runs a batch in two phases. Before the write transaction: the conversations' last committed states (from
    /// the cache, else one read), and the engine for every turn that only reads. In the transaction (on SQLite
    /// the single write lock, taken through the gate): the turns that file or reopen a case (run again from
    /// their stored state with the real gateway, so the ticket number comes from the counter row in this
    /// transaction), the cases (EF, the only tracked entities), and set-based statements for the conversations
    /// (version-checked), the replies (outbox rows) and the processed marks. Then the commit, and only then
    /// the cache and the dispatcher.
    /// </summary>
    private async Task<Outgoing> RunBatchAsync(List<InboundWork> work, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var engine = _engines.Current;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await LoadAsync(db, work, cancellationToken).ConfigureAwait(false);

        var turns = new List<Turn>(work.Count);
        var lookUps = new LookUpOnlyCaseGateway(_cases.Create(db));
        foreach (var item in work)
        {
            var before = stored.GetValueOrDefault(item.ConversationKey);
            ConversationTurnResult? result;
            try
            {
                var state = before?.State ?? DialogStateJson.Deserialize(before?.StateJson);
                result = await ConversationTurn.RunAsync(engine, state, item.Activity, lookUps, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteEffectDeferredException)
            {
                result = null;
            }

            turns.Add(new Turn(item, before, result));
        }

        Outgoing outbox;
        var filed = false;
        var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            CaseGateway? gateway = null;
            foreach (var turn in turns)
            {
                if (turn.Result is null)
                {
                    gateway ??= _cases.Create(db);
                    // From the stored JSON: the run before the transaction may have changed the cached state object.
                    turn.Result = await ConversationTurn.RunAsync(engine, DialogStateJson.Deserialize(turn.Before?.StateJson), turn.Work.Activity, gateway, cancellationToken).ConfigureAwait(false);
                    turn.CaseId = gateway.CaseIdFor(turn.Result.CreatedCase);
                    filed |= turn.Result.CreatedCase is not null;
                }
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            outbox = Prepare(turns, now);
            await UpdateConversationsAsync(db, turns, now, cancellationToken).ConfigureAwait(false);
            await InsertOutboxAsync(db, outbox.Rows, cancellationToken).ConfigureAwait(false);
            await InsertConversationsAndMarkProcessedAsync(db, turns, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writes.Exit(entered);
        }

        foreach (var turn in turns)
        {
            _conversations.Set(turn.Work.ConversationKey, new CachedConversation(turn.StateJson!, (turn.Before?.Version ?? 0) + 1, turn.ReferenceJson ?? turn.Before?.ReferenceJson, turn.Result!.State));
        }

        if (filed)
        {
            _photos.Wake();
        }

        return outbox;
    }

    /// <summary>The last committed state of each conversation in the batch: cached, or read (null: a new conversation).</summary>
    private async Task<Dictionary<string, CachedConversation?>> LoadAsync(ChannelBotDbContext db, List<InboundWork> work, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CachedConversation?>(work.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var item in work)
        {
            if (_conversations.TryGet(item.ConversationKey, out var cached))
            {
                found[item.ConversationKey] = cached;
            }
            else
            {
                (missing ??= []).Add(item.ConversationKey);
                found[item.ConversationKey] = null;
            }
        }

        if (missing is not null)
        {
            var rows = await db.Conversations
                .AsNoTracking()
                .Where(c => missing.Contains(c.Key))
                .Select(c => new { c.Key, c.StateJson, c.Version, c.ReferenceJson })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                found[row.Key] = new CachedConversation(row.StateJson, row.Version, row.ReferenceJson);
            }
        }

        return found;
    }

    /// <summary>Serializes each turn's new state and reference, and makes its replies into outbox rows (in reply order).</summary>
    private static Outgoing Prepare(List<Turn> turns, DateTimeOffset now)
    {
        var outbox = new Outgoing(turns.Count * 2);
        foreach (var turn in turns)
        {
            var item = turn.Work;
            var result = turn.Result!;
            turn.StateJson = DialogStateJson.Serialize(result.State);
            if (item.Activity.IsType(ActivityTypes.Message))
            {
                turn.IsMessage = true;
                var reference = ActivityJson.Serialize(item.Activity.GetConversationReference());
                turn.ReferenceJson = string.Equals(reference, turn.Before?.ReferenceJson, StringComparison.Ordinal) ? null : reference;
            }

            foreach (var reply in result.Replies)
            {
                reply.Timestamp ??= now;
                outbox.Activities.Add(reply);
                outbox.Rows.Add(new OutboxMessageRecord
                {
                    ConversationKey = item.ConversationKey,
                    ChannelId = reply.ChannelId ?? item.Activity.ChannelId ?? string.Empty,
                    ActivityJson = ActivityJson.Serialize(reply),
                    CreatedAt = now,
                    NextAttemptAt = now,
                    Status = OutboxStatus.Pending,
                    CaseId = turn.CaseId,
                });
            }
        }

        return outbox;
    }

    /// <summary>One UPDATE for every known conversation, each only if its version is still the one this turn started from.</summary>
    private static async Task UpdateConversationsAsync(ChannelBotDbContext db, List<Turn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = 0;
        var update = StoreCommand.On(db);
        await using (update.ConfigureAwait(false))
        {
            update.Sql("WITH v(k, ver, s, li, r) AS (VALUES ");
            foreach (var turn in turns)
            {
                if (turn.Before is not { } before)
                {
                    continue;
                }

                update.Sql(count++ == 0 ? "(" : ", (")
                    .Value<ConversationRecord>(nameof(ConversationRecord.Key), turn.Work.ConversationKey).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.Version), before.Version).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.StateJson), turn.StateJson).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundAt), turn.IsMessage ? now : null).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ReferenceJson), turn.ReferenceJson).Sql(")");
            }

            if (count == 0)
            {
                return;
            }

            update.Sql(""") UPDATE "Conversations" SET "StateJson" = v.s, "Version" = v.ver + 1, "UpdatedAt" = """)
                .Value<ConversationRecord>(nameof(ConversationRecord.UpdatedAt), now)
                .Sql(""", "LastInboundAt" = COALESCE(v.li, "LastInboundAt"), "ReferenceJson" = COALESCE(v.r, "ReferenceJson") FROM v WHERE "Key" = v.k AND "Version" = v.ver RETURNING "Key" """);
            var updated = await update.QueryAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            if (updated.Count != count)
            {
                throw new DbUpdateConcurrencyException($"{count - updated.Count} of {count} conversations were changed by someone else during the turn; the batch is rolled back and run again.");
            }
        }
    }

    /// <summary>
    /// One INSERT … RETURNING for every reply of the batch. Ids are handed out in the order of the VALUES list
    /// (SQLite AUTOINCREMENT under the write lock; a PostgreSQL identity evaluated row by row), so the sorted
    /// ids belong to the rows in list order, and per conversation they follow reply order.
    /// </summary>
    private static async Task InsertOutboxAsync(ChannelBotDbContext db, List<OutboxMessageRecord> outbox, CancellationToken cancellationToken)
    {
        if (outbox.Count == 0)
        {
            return;
        }

        var insert = StoreCommand.On(db);
        await using (insert.ConfigureAwait(false))
        {
            insert.Sql("""INSERT INTO "OutboxMessages" ("ConversationKey", "ChannelId", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt", "CaseId", "DeliveryRank") VALUES """);
            for (var i = 0; i < outbox.Count; i++)
            {
                var row = outbox[i];
                insert.Sql(i == 0 ? "(" : ", (")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ConversationKey), row.ConversationKey).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ChannelId), row.ChannelId).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ActivityJson), row.ActivityJson).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.CreatedAt), row.CreatedAt).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Status), row.Status).Sql(", 0, ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.NextAttemptAt), row.NextAttemptAt).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.CaseId), row.CaseId).Sql(", 0)");
            }

            insert.Sql(""" RETURNING "Id" """);
            var ids = await insert.QueryAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
            if (ids.Count != outbox.Count)
            {
                throw new InvalidOperationException($"Inserting {outbox.Count} outbox rows returned {ids.Count} ids.");
            }

            ids.Sort();
            for (var i = 0; i < outbox.Count; i++)
            {
                outbox[i].Id = ids[i];
            }
        }
    }

    /// <summary>
    /// One command (one round trip on PostgreSQL) with two statements: an INSERT for the conversations that had
    /// none stored (one stored meanwhile by another instance fails the batch), and the processed marks.
    /// </summary>
    private static async Task InsertConversationsAndMarkProcessedAsync(ChannelBotDbContext db, List<Turn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = StoreCommand.On(db);
        await using (command.ConfigureAwait(false))
        {
            var count = 0;
            foreach (var turn in turns)
            {
                if (turn.Before is not null)
                {
                    continue;
                }

                if (count++ == 0)
                {
                    command.Sql("""INSERT INTO "Conversations" ("Key", "ChannelId", "ConversationId", "StateJson", "Version", "UpdatedAt", "LastInboundAt", "ReferenceJson") VALUES (""");
                }
                else
                {
                    command.Sql(", (");
                }

                var activity = turn.Work.Activity;
                command
                    .Value<ConversationRecord>(nameof(ConversationRecord.Key), turn.Work.ConversationKey).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ChannelId), activity.ChannelId ?? string.Empty).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ConversationId), activity.Conversation?.Id ?? string.Empty).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.StateJson), turn.StateJson).Sql(", 1, ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.UpdatedAt), now).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundAt), turn.IsMessage ? now : null).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ReferenceJson), turn.ReferenceJson).Sql(")");
            }

            if (count > 0)
            {
                command.Sql("; ");
            }

            command.Sql("""UPDATE "InboundActivities" SET "ProcessedAt" = """)
                .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ProcessedAt), now)
                .Sql(""" WHERE "Id" IN (""");
            for (var i = 0; i < turns.Count; i++)
            {
                command.Sql(i == 0 ? string.Empty : ", ").Value<InboundActivityRecord>(nameof(InboundActivityRecord.Id), turns[i].Work.Id);
            }

            command.Sql(")");
            await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Finish(List<InboundWork> work, Outgoing sent)
    {
        foreach (var item in work)
        {
            _failures.Remove(item.Id);
            _scheduler.Done(item);
        }

        _outbox.Dispatch(sent.Rows, sent.Activities);
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

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "A batch of {Count} turns met a conversation changed elsewhere; running it again from the stored state.")]
    private partial void LogConflict(Exception exception, int count);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Recovered {Count} inbound activities stored before the last stop.")]
    private partial void LogRecovered(int count);
}
