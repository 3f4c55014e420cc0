using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// A fresh database for one load level: a new SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by <c>CHANNELBOT_TEST_POSTGRES</c> (scripts/start-test-postgres.sh --print-env).
/// Dropped afterwards.
/// </summary>
public sealed class BenchStorage : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    public const string PostgresVariable = "CHANNELBOT_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private BenchStorage(string provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static async Task<BenchStorage> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("channelbot-bench-");
            return new BenchStorage(Sqlite, $"Data Source={Path.Combine(folder.FullName, "channelbot.db")}", () =>
            {
                SqliteConnection.ClearAllPools();
                folder.Delete(recursive: true);
                return Task.CompletedTask;
            });
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set: eval \"$(scripts/start-test-postgres.sh --print-env)\"");
        var name = "channelbot_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new BenchStorage(Postgres, connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    public ValueTask DisposeAsync() => new(_drop());

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
