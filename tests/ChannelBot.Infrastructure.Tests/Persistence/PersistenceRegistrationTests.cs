using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public sealed class PersistenceRegistrationTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "channelbot-tests", Guid.NewGuid().ToString("N"));

    public PersistenceRegistrationTests() => Directory.CreateDirectory(_contentRoot);

    [Fact]
    public async Task By_default_the_database_is_a_sqlite_file_in_data_under_the_content_root()
    {
        using var host = Build();

        var applied = await host.Services.MigrateDatabaseAsync();

        Assert.NotEmpty(applied);
        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "channelbot.db")));
        var factory = host.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.IsType<SqliteChannelBotDbContext>(db);
    }

    [Fact]
    public async Task Sqlite_connections_use_wal_normal_sync_a_busy_timeout_and_foreign_keys()
    {
        using var host = Build();
        await host.Services.MigrateDatabaseAsync();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();

        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(db, "synchronous"));
        Assert.Equal("5000", await PragmaAsync(db, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
    }

    [Fact]
    public async Task Starting_the_host_migrates_the_database_before_other_services_start()
    {
        using var host = Build(services => services
            .AddSingleton<ReadsTheDatabaseOnStart>()
            .AddHostedService(provider => provider.GetRequiredService<ReadsTheDatabaseOnStart>()));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0, host.Services.GetRequiredService<ReadsTheDatabaseOnStart>().CasesSeen);
    }

    [Fact]
    public async Task Start_up_migration_can_be_turned_off()
    {
        using var host = Build(settings: new() { ["Storage:MigrateOnStartup"] = "false" });

        await host.StartAsync();
        await host.StopAsync();

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_relative_sqlite_file_from_configuration_is_placed_under_the_content_root()
    {
        using var host = Build(settings: new() { ["Storage:ConnectionString"] = "Data Source=state/nested/bot.db" });

        await host.Services.MigrateDatabaseAsync();

        Assert.True(File.Exists(Path.Combine(_contentRoot, "state", "nested", "bot.db")));
    }

    [Fact]
    public async Task Postgres_is_chosen_by_configuration()
    {
        await using var database = await TestDatabase.CreateAsync(TestProviders.Postgres, migrate: false);
        using var host = Build(settings: new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = database.ConnectionString,
        });

        var applied = await host.Services.MigrateDatabaseAsync();

        Assert.NotEmpty(applied);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        Assert.IsType<PostgresChannelBotDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_a_clear_message()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Build(settings: new() { ["Storage:Provider"] = "Postgres" }));

        Assert.Contains("Storage:ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_scope_gets_a_context_and_the_allocator_is_registered()
    {
        using var host = Build();
        await host.Services.MigrateDatabaseAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChannelBotDbContext>();

        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<TicketNumberAllocator>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private static async Task<string?> PragmaAsync(ChannelBotDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private IHost Build(Action<IServiceCollection>? services = null, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = _contentRoot,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddPersistence();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A background service that needs the tables as soon as it starts, as the turn worker does.</summary>
    private sealed class ReadsTheDatabaseOnStart(IDbContextFactory<ChannelBotDbContext> databases) : IHostedService
    {
        public int? CasesSeen { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            CasesSeen = await db.Cases.CountAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
