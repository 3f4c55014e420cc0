using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Sets up every SQLite connection: write-ahead log (readers never block the writer), NORMAL sync (safe with
/// WAL), a 5 s busy timeout (writers queue instead of failing) and foreign keys. Pooled connections keep their
/// settings, so each physical connection is set up once.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsSetUp(connection, out var handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (NeedsSetUp(connection, out var handle))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            _configured.AddOrUpdate(handle, handle);
        }
    }

    private bool NeedsSetUp(DbConnection connection, out object handle)
    {
        handle = (connection as SqliteConnection)?.Handle!;
        return handle is not null && !_configured.TryGetValue(handle, out _);
    }
}
