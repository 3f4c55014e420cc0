using System.Collections.Concurrent;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Scheduling;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>The sweep: rows due in the database that no writer handed over (a retry's time came, a crash, another instance's rows taken over).</summary>
internal sealed partial class OutboxDispatcher
{
    private Task SweepForeverAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(_options.SweepInterval, _clock, atOnce: true, SweepAsync, LogSweepFailed, stoppingToken);

    /// <summary>
    /// Takes over the pending rows of instances that are gone, then hands every due row of this instance not already
    /// on its way to the queue, a page at a time (a burst of thousands of
    /// notifications must not wait a sweep interval per page), up to <see cref="MaxQueued"/> in memory.
    /// </summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        const int Page = 1000;
        var takenOver = await _ownership.TakeOverOutboxAsync(cancellationToken).ConfigureAwait(false);
        if (takenOver.Count > 0)
        {
            lock (_gate)
            {
                _takenOver.UnionWith(takenOver);
            }

            LogTookOver(takenOver.Count);
        }

        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var (id, finished) in _sweptAndFinished.Where(p => p.Value < now - LateHandOver).ToList())
            {
                _sweptAndFinished.Remove(id);
            }
        }

        var owner = _ownership.Id;
        var after = 0L;
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        while (KnownCount() < MaxQueued)
        {
            // Outcomes written before this query are in what it reads; those written after are remembered here.
            lock (_gate)
            {
                _finishedDuringSweep.Clear();
            }

            var due = await db.OutboxMessages
                .AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending && o.OwnerId == owner && o.NextAttemptAt <= now && o.Id > after)
                .OrderBy(o => o.Id)
                .Take(Page)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            List<OutboxMessageRecord> fresh;
            lock (_gate)
            {
                fresh = [.. due.Where(row => !_finishedDuringSweep.Contains(row.Id))];
            }

            foreach (var row in fresh)
            {
                Dispatch(new OutboxItem(row.Id, row.ChannelId, row.ConversationKey, row.ActivityJson, row.Attempts), bySweep: true);
            }

            if (due.Count < Page)
            {
                return;
            }

            after = due[^1].Id;
        }
    }

    /// <summary>The most rows held in memory for sending; the rest wait in the database for a later sweep.</summary>
    private const int MaxQueued = 50_000;

    private int KnownCount()
    {
        lock (_gate)
        {
            return _known.Count;
        }
    }
}
