using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// The database one test's app runs on: a fresh SQLite file, or a fresh database on the test PostgreSQL server
/// (<c>CHANNELBOT_TEST_POSTGRES</c>, started by ./test.sh). Without the server the PostgreSQL tests fail, never skip.
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    private const string PostgresVariable = "CHANNELBOT_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestStorage(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    /// <summary>A context on this database, as the app's own provider would open it (no app needed).</summary>
    public ChannelBotDbContext Open() => Provider == Sqlite
        ? new SqliteChannelBotDbContext(ChannelBotDbContextOptions.ForSqlite(ConnectionString))
        : new PostgresChannelBotDbContext(ChannelBotDbContextOptions.ForPostgres(ConnectionString));

    /// <summary>Outbox rows still waiting to be sent.</summary>
    public async Task<int> PendingOutboxAsync()
    {
        await using var db = Open();
        return await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending);
    }

    /// <summary>Inbound activities still waiting for their turn.</summary>
    public async Task<int> UnprocessedInboundAsync()
    {
        await using var db = Open();
        return await db.InboundActivities.CountAsync(i => i.ProcessedAt == null);
    }

    public static async Task<TestStorage> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("channelbot-web-test-");
            return new TestStorage(Sqlite, $"Data Source={Path.Combine(folder.FullName, "channelbot.db")}", async () =>
            {
                // A connection the app's pool closes a moment later may still write its journal: try again, briefly.
                for (var attempt = 1; ; attempt++)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    try
                    {
                        folder.Delete(recursive: true);
                        return;
                    }
                    catch (IOException) when (attempt < 5)
                    {
                        await Task.Delay(100 * attempt);
                    }
                }
            });
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a test PostgreSQL server.");
        var name = "channelbot_web_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestStorage(Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(server, name);
        });
    }

    public ValueTask DisposeAsync() => new(_drop());

    /// <summary>
    /// Drops the test's database. FORCE ends the test's own sessions, but not one the server itself opened there (an
    /// autovacuum worker, which our non-superuser may not end: 42501); then it is tried again a little later, and a
    /// database left behind in the throwaway server harms nothing.
    /// </summary>
    private static async Task DropAsync(string server, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 5)
                {
                    return;
                }

                await Task.Delay(200 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
