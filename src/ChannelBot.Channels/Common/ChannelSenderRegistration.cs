using ChannelBot.Application.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Common;

/// <summary>Registers a channel's sender under the channel ids it sends (<see cref="ChannelSenderKeys"/>).</summary>
public static class ChannelSenderRegistration
{
    /// <summary><typeparamref name="TSender"/> (already registered) as the sender of each of <paramref name="channelIds"/>.</summary>
    public static IServiceCollection AddChannelSender<TSender>(this IServiceCollection services, params string[] channelIds)
        where TSender : class, IChannelSender
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        foreach (var channelId in channelIds)
        {
            services.AddKeyedSingleton<IChannelSender>(channelId, (sp, _) => sp.GetRequiredService<TSender>());
        }

        return services;
    }

    /// <summary><typeparamref name="TSender"/> (already registered) as the fallback for channels no sender is keyed to.</summary>
    public static IServiceCollection AddFallbackChannelSender<TSender>(this IServiceCollection services)
        where TSender : class, IChannelSender =>
        services.AddKeyedSingleton<IChannelSender>(ChannelSenderKeys.Fallback, (sp, _) => sp.GetRequiredService<TSender>());
}
