using ChannelBot.Infrastructure.Persistence.Conversion;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>The PostgreSQL flavour: timestamps as <c>timestamptz</c>, written in UTC. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresChannelBotDbContext : ChannelBotDbContext
{
    public PostgresChannelBotDbContext(DbContextOptions<PostgresChannelBotDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }
}
