using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.DirectLine;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The durable Direct Line conversation log.</summary>
public static class DirectLineStoreRegistration
{
    /// <summary>
    /// Registers <see cref="EfDirectLineConversationStore"/> as the <see cref="IDirectLineConversationStore"/>: the
    /// Direct Line server (registered later by the channels, with an in-memory store only as a fallback) keeps web chat
    /// conversations in the database, so they resume after a restart.
    /// </summary>
    public static IHostApplicationBuilder AddDirectLineStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDirectLineConversationStore, EfDirectLineConversationStore>();
        return builder;
    }
}
