using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>A real, empty database of one provider, made for a test class and deleted after it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string provider, bool migrate = true)
    {
        TestDatabase database = provider switch
        {
            TestProviders.Sqlite => SqliteDatabase.Create(),
            TestProviders.Postgres => await PostgresDatabase.CreateAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Use Sqlite or Postgres."),
        };
        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A new context of the provider's own type, configured as the application configures it.</summary>
    public abstract ChannelBotDbContext CreateContext();

    public abstract ValueTask DisposeAsync();
}
