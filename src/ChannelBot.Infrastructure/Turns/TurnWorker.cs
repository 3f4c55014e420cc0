using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Runs every turn: first gives each activity stored but not yet processed (a crash, a restart) back to the
/// scheduler, then runs one <see cref="TurnPartition"/> per partition side by side. Turns of different
/// conversations run in parallel; turns of one conversation run one at a time, in arrival order, in the one
/// partition that owns it.
/// </summary>
internal sealed partial class TurnWorker(
    IDbContextFactory<ChannelBotDbContext> databases,
    TurnScheduler scheduler,
    IServiceProvider services,
    ILogger<TurnWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken).ConfigureAwait(false);
        var partitions = Enumerable.Range(0, scheduler.Partitions)
            .Select(index => ActivatorUtilities.CreateInstance<TurnPartition>(services, index))
            .Select(partition => Task.Run(() => partition.RunAsync(stoppingToken), CancellationToken.None))
            .ToList();
        try
        {
            await Task.WhenAll(partitions).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>On start, every activity stored but not yet processed gets its turn, with the tries it already had.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.InboundActivities
            .AsNoTracking()
            .Where(i => i.ProcessedAt == null)
            .OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ConversationKey, i.ActivityJson, i.Attempts, i.Overruns })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var row in waiting)
        {
            scheduler.Schedule(new InboundWork(row.Id, row.ConversationKey, ActivityJson.Deserialize(row.ActivityJson), row.Attempts, row.Overruns));
        }

        if (waiting.Count > 0)
        {
            LogRecovered(waiting.Count);
        }
    }

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Recovered {Count} inbound activities stored before the last stop.")]
    private partial void LogRecovered(int count);
}
