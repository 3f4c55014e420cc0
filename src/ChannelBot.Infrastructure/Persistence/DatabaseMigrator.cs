using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations when the host starts, in the "starting" phase, so that no background service
/// (inbox, turn worker, outbox) touches the database before its tables exist.
/// </summary>
internal sealed partial class DatabaseMigrator : IHostedLifecycleService
{
    private readonly IServiceProvider _services;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IServiceProvider services, ILogger<DatabaseMigrator> logger)
    {
        _services = services;
        _logger = logger;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var applied = await _services.MigrateDatabaseAsync(cancellationToken).ConfigureAwait(false);
        if (applied.Count > 0)
        {
            LogMigrated(applied.Count, string.Join(", ", applied));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied {Count} database migrations: {Migrations}.")]
    private partial void LogMigrated(int count, string migrations);
}
