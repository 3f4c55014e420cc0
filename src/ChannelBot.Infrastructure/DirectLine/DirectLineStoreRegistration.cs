using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.DirectLine;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The durable Direct Line conversation log.</summary>
public static class DirectLineStoreRegistration
{
    /// <summary>
    /// Registers <see cref="EfDirectLineConversationStore"/> as the <see cref="IDirectLineConversationStore"/>: the
    /// Direct Line server (registered later by the channels, with an in-memory store only as a fallback) keeps web chat
    /// conversations in the database, so they resume after a restart. On PostgreSQL, where several instances may run,
    /// also the shared log (<see cref="PostgresDirectLineSharedLog"/>) and its <see cref="DirectLineLogListener"/>, so a
    /// web chat's socket or poll on one instance gets what another appended.
    /// </summary>
    public static IHostApplicationBuilder AddDirectLineStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDirectLineConversationStore, EfDirectLineConversationStore>();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider == StorageProvider.Postgres)
        {
            builder.Services.AddSingleton<PostgresDirectLineSharedLog>();
            builder.Services.AddSingleton<IDirectLineSharedLog>(sp => sp.GetRequiredService<PostgresDirectLineSharedLog>());
            builder.Services.AddHostedService<DirectLineLogListener>();
        }

        return builder;
    }
}
