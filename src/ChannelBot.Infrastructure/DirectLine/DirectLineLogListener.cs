using ChannelBot.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChannelBot.Infrastructure.DirectLine;

/// <summary>
/// Listens (PostgreSQL <c>LISTEN</c>, one connection of its own) for appends to the shared Direct Line log on any
/// instance and hands each conversation id to <see cref="PostgresDirectLineSharedLog.Announce"/>, which wakes that
/// conversation's sockets here. After a lost connection it listens again (after 1 s, doubling up to 30 s) and wakes every live conversation, which
/// reads what it may have missed; a socket also reads again at every keep-alive, so a lost notification costs at most
/// <c>DirectLine:KeepAliveInterval</c>.
/// </summary>
public sealed partial class DirectLineLogListener(
    PostgresDirectLineSharedLog log,
    IOptions<StorageOptions> storage,
    ILogger<DirectLineLogListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 30,
        }.ConnectionString;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = new NpgsqlConnection(connectionString);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, notification) => log.Announce(notification.Payload);
                    await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                    var listen = new NpgsqlCommand($"LISTEN {PostgresDirectLineSharedLog.NotificationChannel}", connection);
                    await using (listen.ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    }

                    // Anything appended while nobody listened is read now.
                    log.Announce(null);
                    retry = FirstRetry;
                    while (true)
                    {
                        await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                ListenFailed(logger, exception, retry);
                try
                {
                    await Task.Delay(retry, stoppingToken).ConfigureAwait(false);
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Direct Line: listening for other instances' web chat activities failed; listening again in {Delay} (sockets read at their next keep-alive meanwhile)")]
    private static partial void ListenFailed(ILogger logger, Exception exception, TimeSpan delay);
}
