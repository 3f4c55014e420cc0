using Microsoft.EntityFrameworkCore.Design;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without the web app (see scripts/add-migration.sh).</summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteChannelBotDbContext>
{
    public SqliteChannelBotDbContext CreateDbContext(string[] args) =>
        new(ChannelBotDbContextOptions.ForSqlite("Data Source=channelbot-design.db"));
}
