using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Pipeline;

/// <summary>
/// Queues this process's SQLite writers (inbox, turn worker, outbox outcomes) in memory. SQLite has a single
/// write lock per database; a writer that finds it taken otherwise waits in SQLite's busy handler, which blocks
/// a thread-pool thread and sleeps in growing steps (1, 2, 5, 10 … 100 ms), so it typically starts well after
/// the lock came free. Here the next writer starts the moment the previous one leaves, in arrival order, and
/// waits without a thread. The busy timeout still covers writers this gate does not know (other processes,
/// rare writes elsewhere). On PostgreSQL (row locks, many writers) the gate does nothing.
/// See docs/benchmarks.md for the measurement that motivated it.
/// </summary>
internal sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for the write turn if <paramref name="db"/> is SQLite; pass the result to <see cref="Exit"/>.</summary>
    public async ValueTask<bool> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Gives the write turn to the next writer (when <paramref name="entered"/> says this one had it).</summary>
    public void Exit(bool entered)
    {
        if (entered)
        {
            _gate.Release();
        }
    }
}
