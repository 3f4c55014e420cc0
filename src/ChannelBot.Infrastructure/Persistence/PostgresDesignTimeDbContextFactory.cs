using Microsoft.EntityFrameworkCore.Design;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without the web app (see scripts/add-migration.sh).
/// Adding a migration never connects; the connection string only names the provider.
/// </summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresChannelBotDbContext>
{
    public PostgresChannelBotDbContext CreateDbContext(string[] args) =>
        new(ChannelBotDbContextOptions.ForPostgres("Host=localhost;Database=channelbot_design"));
}
