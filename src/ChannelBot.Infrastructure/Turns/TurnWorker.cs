using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Runs every turn: first takes over each activity stored but not yet processed by an instance that is gone (a crash, a
/// restart, another instance stopped), then does so every <see cref="InstanceOptions.TakeOverInterval"/>, and runs one <see cref="TurnPartition"/> per partition side by side. Turns of different
/// conversations run in parallel; turns of one conversation run one at a time, in arrival order, in the one
/// partition that owns it.
/// </summary>
internal sealed partial class TurnWorker(
    WorkOwnership ownership,
    TurnScheduler scheduler,
    IOptions<InstanceOptions> instances,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<TurnWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeOverAsync(stoppingToken).ConfigureAwait(false);
        var takingOver = TakeOverForeverAsync(stoppingToken);
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

        await takingOver.ConfigureAwait(false);
    }

    /// <summary>
    /// Every activity stored but not yet processed whose instance is gone (this process before a restart, another that
    /// stopped or died) gets its turn here, with the tries it already had.
    /// </summary>
    private async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        var waiting = await ownership.TakeOverInboundAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in waiting)
        {
            scheduler.Schedule(new InboundWork(row.Id, row.ConversationKey, ActivityJson.Deserialize(row.ActivityJson), row.Attempts, row.Overruns));
        }

        if (waiting.Count > 0)
        {
            LogRecovered(waiting.Count);
        }
    }

    private Task TakeOverForeverAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(instances.Value.TakeOverInterval, clock, atOnce: false, TakeOverAsync, LogTakeOverFailed, stoppingToken);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Took over {Count} inbound activities whose instance stopped or died.")]
    private partial void LogRecovered(int count);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Error, Message = "Looking for inbound activities whose instance is gone failed.")]
    private partial void LogTakeOverFailed(Exception exception);
}
