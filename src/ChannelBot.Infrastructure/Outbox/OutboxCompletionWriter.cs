using System.Threading.Channels;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>
/// Writes send outcomes to their outbox rows, many per transaction. Only once an outcome is written does the
/// dispatcher forget the row, so the sweeper can never pick up a message whose send is not yet recorded.
/// </summary>
internal sealed partial class OutboxCompletionWriter : BackgroundService
{
    private const int MaxBatch = 512;

    private readonly Channel<OutboxCompletion> _completions = Channel.CreateUnbounded<OutboxCompletion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly SqliteWriteGate _writes;
    private readonly ILogger<OutboxCompletionWriter> _logger;

    public OutboxCompletionWriter(IDbContextFactory<ChannelBotDbContext> databases, SqliteWriteGate writes, ILogger<OutboxCompletionWriter> logger)
    {
        _databases = databases;
        _writes = writes;
        _logger = logger;
    }

    /// <summary>Called with the ids whose outcome is written (final ones only: sent or failed).</summary>
    public event Action<IReadOnlyList<long>>? Written;

    public void Add(OutboxCompletion completion) => _completions.Writer.TryWrite(completion);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<OutboxCompletion>(MaxBatch);
        while (await _completions.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _completions.Reader.TryRead(out var completion))
            {
                batch.Add(completion);
            }

            await WriteWithRetryAsync(batch, stoppingToken).ConfigureAwait(false);
            var final = batch.Where(c => c.Status != OutboxStatus.Pending).Select(c => c.Id).ToList();
            if (final.Count > 0)
            {
                Written?.Invoke(final);
            }
        }
    }

    private async Task WriteWithRetryAsync(List<OutboxCompletion> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogWriteFailed(exception, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * attempt * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(List<OutboxCompletion> batch, CancellationToken cancellationToken)
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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var c in batch)
        {
            var rows = db.OutboxMessages.Where(o => o.Id == c.Id);
            _ = c.Status switch
            {
                OutboxStatus.Sent => await rows.ExecuteUpdateAsync(
                    set => set.SetProperty(o => o.Status, OutboxStatus.Sent)
                        .SetProperty(o => o.SentAt, c.At)
                        .SetProperty(o => o.Attempts, c.Attempts)
                        .SetProperty(o => o.ProviderMessageId, c.ProviderMessageId),
                    cancellationToken).ConfigureAwait(false),
                OutboxStatus.Failed => await rows.ExecuteUpdateAsync(
                    set => set.SetProperty(o => o.Status, OutboxStatus.Failed)
                        .SetProperty(o => o.Attempts, c.Attempts)
                        .SetProperty(o => o.LastError, c.Error),
                    cancellationToken).ConfigureAwait(false),
                _ => await rows.ExecuteUpdateAsync(
                    set => set.SetProperty(o => o.Attempts, c.Attempts)
                        .SetProperty(o => o.NextAttemptAt, c.NextAttemptAt ?? c.At)
                        .SetProperty(o => o.LastError, c.Error),
                    cancellationToken).ConfigureAwait(false),
            };
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Writing {Count} send outcomes failed (attempt {Attempt}); retrying.")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt);
}
