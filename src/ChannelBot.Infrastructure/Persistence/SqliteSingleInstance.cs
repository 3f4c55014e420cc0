using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// SQLite serves one instance: its claims, turn order and web chat live in one process. While the app runs it holds an
/// exclusive lock on a file next to the database; a second process (or host) opening the same database cannot take it
/// and says so at start-up, pointing to PostgreSQL for several instances. It still starts: refusing would turn a
/// deployment mistake into an outage.
/// </summary>
internal sealed partial class SqliteSingleInstance(string databaseFile, ILogger<SqliteSingleInstance> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    /// <summary>True when this process holds the lock (false: another one has the database).</summary>
    public bool Alone => _lock is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = databaseFile + ".instance-lock";
        try
        {
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            LogShared(databaseFile);
        }
        catch (UnauthorizedAccessException)
        {
            LogShared(databaseFile);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Another ChannelBot instance is using the SQLite database {File}: SQLite serves one instance (turn order, outbox and web chat live in one process). Run one instance, or use PostgreSQL (Storage:Provider) for several.")]
    private partial void LogShared(string file);
}
