using ChannelBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Instances;

/// <summary>
/// Enters this instance before any worker starts (registered before them, so it also stops after them), says it is
/// alive every <see cref="InstanceOptions.HeartbeatInterval"/>, and leaves when the host stops (SIGTERM included): what
/// it still owns is then taken over by the other instances at once, or by the next start.
/// </summary>
internal sealed partial class InstanceLifetime(WorkOwnership ownership, Func<bool> alone, IOptions<InstanceOptions> options, TimeProvider clock, ILogger<InstanceLifetime> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _beating;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ownership.RegisterAsync(alone(), cancellationToken).ConfigureAwait(false);
        LogEntered(ownership.Id);
        _beating = BeatAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed))
        {
            // The host was torn down without stopping (a service failed to start): nothing left to leave with.
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_beating is not null)
        {
            await _beating.ConfigureAwait(false);
        }

        // Leaving matters more than the host's stop budget (the others would wait until this instance is presumed
        // dead): it gets a few seconds of its own.
        using var leaving = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await ownership.LeaveAsync(leaving.Token).ConfigureAwait(false);
            LogLeft(ownership.Id);
        }
        catch (Exception exception)
        {
            // Not fatal: the others take its work over once it is presumed dead.
            LogLeaveFailed(exception, ownership.Id);
        }
    }

    public void Dispose()
    {
        if (!Volatile.Read(ref _disposed))
        {
            Volatile.Write(ref _disposed, true);
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private Task BeatAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(options.Value.HeartbeatInterval, clock, atOnce: false, ownership.HeartbeatAsync, exception => LogHeartbeatFailed(exception, ownership.Id), stoppingToken);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Instance {Id} entered.")]
    private partial void LogEntered(string id);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Instance {Id} left; what it still held goes to the other instances.")]
    private partial void LogLeft(string id);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Instance {Id} could not say it is alive; if this lasts, the others take its work over and it stops sending.")]
    private partial void LogHeartbeatFailed(Exception exception, string id);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Instance {Id} could not leave; its work is taken over once it is presumed dead.")]
    private partial void LogLeaveFailed(Exception exception, string id);
}
