using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public class MigrationTests
{
    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_migrations_create_every_table_in_an_empty_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetPendingMigrationsAsync());

        await db.Database.MigrateAsync();

        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(0, await db.Conversations.CountAsync());
        Assert.Equal(0, await db.InboundActivities.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        Assert.Equal(0, await db.TicketCounters.CountAsync());
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Migrating_an_up_to_date_database_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        await db.Database.MigrateAsync();

        Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task The_model_has_no_changes_the_migrations_miss(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.CreateContext();

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations: run scripts/add-migration.sh <Name> (it adds the migration for both providers).");
    }

    [Fact]
    public async Task Both_providers_have_the_same_migrations()
    {
        await using var sqlite = await TestDatabase.CreateAsync(TestProviders.Sqlite, migrate: false);
        await using var sqliteDb = sqlite.CreateContext();
        var sqliteNames = sqliteDb.Database.GetMigrations().Select(NameOnly).ToList();

        // The PostgreSQL list is read from the assembly; no server is needed for it.
        await using var postgresDb = new ChannelBot.Infrastructure.Persistence.PostgresDesignTimeDbContextFactory().CreateDbContext([]);
        var postgresNames = postgresDb.Database.GetMigrations().Select(NameOnly).ToList();

        Assert.Equal(sqliteNames, postgresNames);
    }

    private static string NameOnly(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
