using ChannelBot.Application.Conversations;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Infrastructure.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The durable turn pipeline: inbox (group commit) → turn workers (one per partition, one transaction per batch) → outbox dispatcher.</summary>
public static class TurnPipelineRegistration
{
    public static IHostApplicationBuilder AddTurnPipeline(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.Section);
        services.AddOptions<InstanceOptions>().BindConfiguration(InstanceOptions.Section);
        services.AddSingleton<WorkOwnership>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<TurnScheduler>();
        services.AddSingleton<TurnBatchRunner>();
        services.AddSingleton<TurnSetAside>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<IInboundActivitySink>(sp => sp.GetRequiredService<InboxWriter>());
        services.AddSingleton<CaseReceipts>();
        services.AddSingleton<CaseGatewayFactory>();
        services.AddSingleton<ChannelSenderRegistry>();
        services.AddSingleton<OutboxCompletionWriter>();
        services.AddSingleton<OutboxDispatcher>();
        // First in, last out: the instance enters before any worker starts and leaves after they all stopped.
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<InstanceLifetime>(sp, () => AloneOnTheDatabase(sp)));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxCompletionWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<ChannelBot.Infrastructure.Delivery.DepartmentStatusSync>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        services.AddHostedService<TurnWorker>();
        return builder;
    }

    /// <summary>SQLite serves one process: when it holds the database (or the database is its own), no other instance can be alive.</summary>
    private static bool AloneOnTheDatabase(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.Provider == StorageProvider.Sqlite
        && services.GetService<SqliteSingleInstance>() is not { Alone: false };
}
