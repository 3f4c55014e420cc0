using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class PersistenceRegistration
{
    /// <summary>
    /// Registers the database from configuration section <c>Storage</c> (see <see cref="StorageOptions"/>):
    /// a pooled <see cref="IDbContextFactory{ChannelBotDbContext}"/> for short-lived contexts, a scoped
    /// <see cref="ChannelBotDbContext"/> for request handlers, the <see cref="TicketNumberAllocator"/>, the messaging
    /// consent store and delivery-status log, and the start-up migrator (unless <c>Storage:MigrateOnStartup</c> is false).
    /// </summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(StorageOptions.SectionName);
        var storage = section.Get<StorageOptions>() ?? new StorageOptions();
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(section);

        // This instance among those sharing the database: the owner of the rows it writes (see Instances/WorkOwnership).
        services.TryAddSingleton<InstanceIdentity>();
        services.TryAddSingleton<OwnerStamp>();

        switch (storage.Provider)
        {
            case StorageProvider.Sqlite:
                var sqlite = SqliteConnectionStrings.Resolve(storage.ConnectionString, builder.Environment.ContentRootPath);
                services.AddPooledDbContextFactory<SqliteChannelBotDbContext>((sp, options) => options.UseChannelBotSqlite(sqlite).AddInterceptors(sp.GetRequiredService<OwnerStamp>()));
                services.AddSingleton<IDbContextFactory<ChannelBotDbContext>, ProviderDbContextFactory<SqliteChannelBotDbContext>>();
                // A database file (made absolute by Resolve; in-memory and URI sources are not) serves one instance.
                if (new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite).DataSource is { Length: > 0 } file && Path.IsPathRooted(file))
                {
                    services.AddSingleton(sp => new SqliteSingleInstance(file, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqliteSingleInstance>>()));
                    services.AddHostedService(sp => sp.GetRequiredService<SqliteSingleInstance>());
                }

                break;
            case StorageProvider.Postgres:
                var postgres = string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is Postgres.")
                    : storage.ConnectionString;
                services.AddPooledDbContextFactory<PostgresChannelBotDbContext>((sp, options) => options.UseChannelBotPostgres(postgres).AddInterceptors(sp.GetRequiredService<OwnerStamp>()));
                services.AddSingleton<IDbContextFactory<ChannelBotDbContext>, ProviderDbContextFactory<PostgresChannelBotDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported; use Sqlite or Postgres.");
        }

        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContext());
        services.TryAddSingleton<TicketNumberAllocator>();

        // Who may be messaged, and what became of sent messages: every channel sender asks and reports here.
        services.AddSingleton<IMessagingConsent, MessagingConsentStore>();
        services.AddSingleton<IDeliveryStatusLog, DeliveryStatusLog>();
        services.AddSingleton<IOutboxResends, OutboxResends>();
        services.AddSingleton<ILastInboundLookup, ChannelBot.Infrastructure.Messaging.LastInboundLookup>();
        if (storage.MigrateOnStartup)
        {
            services.AddHostedService<DatabaseMigrator>();
        }

        return builder;
    }

    /// <summary>Applies the configured provider's pending migrations; returns the ones it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // Several instances starting together on one fresh PostgreSQL database must not run the same migration
            // at once: a session-level advisory lock makes them take turns (the later ones then find nothing pending).
            var postgres = db.Database.IsNpgsql();
            if (postgres)
            {
                await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken).ConfigureAwait(false);
            }

            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return pending;
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None).ConfigureAwait(false);
                    await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The advisory lock that serializes migrations across instances ("311" thrice; any constant the app alone uses).</summary>
    private const long MigrationLockKey = 311_311_311;
}
