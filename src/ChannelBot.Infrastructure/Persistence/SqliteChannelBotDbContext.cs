using ChannelBot.Infrastructure.Persistence.Conversion;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>The SQLite flavour: timestamps as UTC ticks so they compare and sort in SQL. Migrations in Migrations/Sqlite.</summary>
public sealed class SqliteChannelBotDbContext : ChannelBotDbContext
{
    public SqliteChannelBotDbContext(DbContextOptions<SqliteChannelBotDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
