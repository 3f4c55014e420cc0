using System.Collections.Concurrent;
using System.Threading.Channels;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>
/// Writes send outcomes to their outbox rows, many per transaction. Only once an outcome is written does the
/// dispatcher forget the row, so the sweeper can never pick up a message whose send is not yet recorded.
/// </summary>
internal sealed partial class OutboxCompletionWriter : BackgroundService
{
    private const int MaxBatch = 512;

    private readonly ConcurrentDictionary<string, long> _sentNotWritten = new(StringComparer.Ordinal);
    private readonly Channel<OutboxCompletion> _completions = Channel.CreateUnbounded<OutboxCompletion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly SqliteWriteGate _writes;
    private readonly ILogger<OutboxCompletionWriter> _logger;

    private readonly ResiliencePipeline _untilWritten;
    private int _writing;   // the size of the batch being written (one reader), for the log

    public OutboxCompletionWriter(IDbContextFactory<ChannelBotDbContext> databases, SqliteWriteGate writes, TimeProvider clock, ILogger<OutboxCompletionWriter> logger)
    {
        _databases = databases;
        _writes = writes;
        _logger = logger;
        _untilWritten = InProcessRetries.UntilDone(clock, (exception, attempt) => LogWriteFailed(exception, _writing, attempt));
    }

    /// <summary>Called with the ids whose outcome is written (final ones only: sent or failed).</summary>
    public event Action<IReadOnlyList<long>>? Written;

    public void Add(OutboxCompletion completion)
    {
        if (completion is { Status: OutboxStatus.Sent, ProviderMessageId: { } sid })
        {
            _sentNotWritten[sid] = completion.Id;
        }

        _completions.Writer.TryWrite(completion);
    }

    /// <summary>
    /// True when <paramref name="providerMessageId"/> was recorded as sent for another row and is not written yet: a
    /// look-up before a resend must not take that message for its own (two identical texts to one phone).
    /// </summary>
    public bool SentByAnother(string providerMessageId, long outboxId) =>
        _sentNotWritten.TryGetValue(providerMessageId, out var row) && row != outboxId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OutboxCompletion>(MaxBatch);
        try
        {
            while (await _completions.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Take(batch);
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (a provider may report the cancellation as its own exception): outcomes of sends that already happened are still written (this writer stops after the
            // dispatcher), or the next start would find those rows pending and send them a second time.
            // The batch whose write the stop interrupted goes first.
            using var drain = new CancellationTokenSource(DrainTimeout);
            try
            {
                while (batch.Count > 0 || _completions.Reader.TryPeek(out _))
                {
                    Take(batch);
                    await WriteAsync(batch, drain.Token).ConfigureAwait(false);
                    batch.Clear();
                }
            }
            catch (Exception exception) when (drain.IsCancellationRequested || exception is OperationCanceledException)
            {
                LogDrainIncomplete(DrainTimeout);
            }
        }
    }

    /// <summary>How long stopping waits for the last outcomes to be written.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Fills the batch up to <see cref="MaxBatch"/> with waiting outcomes.</summary>
    private void Take(List<OutboxCompletion> batch)
    {
        while (batch.Count < MaxBatch && _completions.Reader.TryRead(out var completion))
        {
            batch.Add(completion);
        }
    }

    /// <summary>Writes the batch (retrying until it is written or the token ends) and tells the dispatcher.</summary>
    private async Task WriteAsync(List<OutboxCompletion> batch, CancellationToken cancellationToken)
    {
        await WriteWithRetryAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var completion in batch)
        {
            if (completion.ProviderMessageId is { } sid)
            {
                _sentNotWritten.TryRemove(new KeyValuePair<string, long>(sid, completion.Id));
            }
        }

        var final = batch.Where(c => c.Status != OutboxStatus.Pending).Select(c => c.Id).ToList();
        if (final.Count > 0)
        {
            Written?.Invoke(final);
        }
    }

    private async Task WriteWithRetryAsync(List<OutboxCompletion> batch, CancellationToken cancellationToken)
    {
        _writing = batch.Count;
        await _untilWritten.ExecuteAsync(
            static async (state, token) => await state.Writer.WriteOnceAsync(state.Batch, token).ConfigureAwait(false),
            (Writer: this, Batch: batch),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteOnceAsync(List<OutboxCompletion> batch, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entered = await _writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteInTransactionAsync(db, batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writes.Exit(entered);
        }
    }

    private static async Task WriteInTransactionAsync(ChannelBotDbContext db, List<OutboxCompletion> batch, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One statement per kind of outcome, however many rows. Usually all are "sent": one statement is
        // atomic by itself, so only a mix needs a transaction around it (and its two extra round trips).
        var kinds = batch.Select(c => c.Status).Distinct().Count();
        await using var transaction = kinds > 1 ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        await UpdateAsync(db, batch, OutboxStatus.Sent, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(db, batch, OutboxStatus.Failed, cancellationToken).ConfigureAwait(false);
        await UpdateAsync(db, batch, OutboxStatus.Pending, cancellationToken).ConfigureAwait(false);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>WITH v AS (VALUES …) UPDATE "OutboxMessages" … FROM v</c> for the outcomes of one kind: sent (status,
    /// sent time, attempts, provider id), failed (status, attempts, error) or to be retried (attempts, next try, error).
    /// A row written twice in one batch (a retry recorded, then its send) gets its last outcome: earlier ones are skipped.
    /// </summary>
    private static async Task UpdateAsync(ChannelBotDbContext db, List<OutboxCompletion> batch, OutboxStatus kind, CancellationToken cancellationToken)
    {
        var last = new Dictionary<long, int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            last[batch[i].Id] = i;
        }

        var count = 0;
        var update = StoreCommand.On(db);
        await using (update.ConfigureAwait(false))
        {
            update.Sql("WITH v(i, a, t, x) AS (VALUES ");
            for (var i = 0; i < batch.Count; i++)
            {
                var c = batch[i];
                if (c.Status != kind || last[c.Id] != i)
                {
                    continue;
                }

                update.Sql(count++ == 0 ? "(" : ", (")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Id), c.Id).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Attempts), c.Attempts).Sql(", ");
                _ = kind switch
                {
                    OutboxStatus.Sent => update
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.SentAt), c.At).Sql(", ")
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ProviderMessageId), c.ProviderMessageId).Sql(")"),
                    OutboxStatus.Failed => update
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.SentAt), null).Sql(", ")
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.LastError), c.Error).Sql(")"),
                    _ => update
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.NextAttemptAt), c.NextAttemptAt ?? c.At).Sql(", ")
                        .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.LastError), c.Error).Sql(")"),
                };
            }

            if (count == 0)
            {
                return;
            }

            update.Sql(""") UPDATE "OutboxMessages" SET """);
            _ = kind switch
            {
                OutboxStatus.Sent => update.Sql("\"Status\" = ").Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Status), OutboxStatus.Sent)
                    .Sql(""", "SentAt" = v.t, "Attempts" = v.a, "ProviderMessageId" = v.x"""),
                OutboxStatus.Failed => update.Sql("\"Status\" = ").Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Status), OutboxStatus.Failed)
                    .Sql(""", "Attempts" = v.a, "LastError" = v.x"""),
                _ => update.Sql("\"Attempts\" = v.a, \"NextAttemptAt\" = v.t, \"LastError\" = v.x"),
            };
            update.Sql(""" FROM v WHERE "Id" = v.i""");
            await update.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Stopping: not every send outcome was written within {Timeout}; those messages may be sent again at the next start.")]
    private partial void LogDrainIncomplete(TimeSpan timeout);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Writing {Count} send outcomes failed (attempt {Attempt}); retrying.")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt);
}
