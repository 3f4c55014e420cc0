using ChannelBot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>A SQLite file in a folder of its own under the temp directory.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private readonly string _folder;

    private SqliteDatabase(string folder)
    {
        _folder = folder;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "channelbot.db") }.ConnectionString;
    }

    public override string Provider => TestProviders.Sqlite;

    public override string ConnectionString { get; }

    public static SqliteDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "channelbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SqliteDatabase(folder);
    }

    public override ChannelBotDbContext CreateContext() =>
        new SqliteChannelBotDbContext(ChannelBotDbContextOptions.ForSqlite(ConnectionString));

    public override ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
