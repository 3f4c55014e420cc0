using ChannelBot.Infrastructure.Persistence;
using Npgsql;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>
/// A database of its own on the test PostgreSQL server named by <c>CHANNELBOT_TEST_POSTGRES</c>. Without that
/// variable the PostgreSQL tests fail (never skip: a skipped test would hide a broken provider).
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    public const string Variable = "CHANNELBOT_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgresDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public override string Provider => TestProviders.Postgres;

    public override string ConnectionString { get; }

    /// <summary>The server the tests use; throws with what to do when it is not configured.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set, and the PostgreSQL tests need a real server. Run ./test.sh (it starts one), " +
                $"or run scripts/start-test-postgres.sh and export the {Variable}=... line it prints before `dotnet test`.");

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = ServerConnectionString;
        var database = new PostgresDatabase(admin, "channelbot_test_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\"");
        return database;
    }

    public override ChannelBotDbContext CreateContext() =>
        new PostgresChannelBotDbContext(ChannelBotDbContextOptions.ForPostgres(ConnectionString));

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // FORCE cannot end a session the server itself opened there (an autovacuum worker: 42501 for our
        // non-superuser); try again a little later, and leave the database to the throwaway server after that.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
