using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>How each provider's context is configured; shared by the application, the design-time factories and the tests.</summary>
public static class ChannelBotDbContextOptions
{
    private static readonly SqlitePragmaInterceptor PragmaInterceptor = new();

    public static DbContextOptionsBuilder UseChannelBotSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One query per case read: a case has at most a few photos and a short history, so joining them costs
        // little, and the case, its photos and its history come from one snapshot.
        return options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(PragmaInterceptor);
    }

    public static DbContextOptionsBuilder UseChannelBotPostgres(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);

        // No retrying execution strategy: turns open their own transactions, which it would refuse.
        return options.UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
    }

    public static DbContextOptions<SqliteChannelBotDbContext> ForSqlite(string connectionString) =>
        (DbContextOptions<SqliteChannelBotDbContext>)new DbContextOptionsBuilder<SqliteChannelBotDbContext>().UseChannelBotSqlite(connectionString).Options;

    public static DbContextOptions<PostgresChannelBotDbContext> ForPostgres(string connectionString) =>
        (DbContextOptions<PostgresChannelBotDbContext>)new DbContextOptionsBuilder<PostgresChannelBotDbContext>().UseChannelBotPostgres(connectionString).Options;
}
