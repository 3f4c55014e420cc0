using System.Collections.Concurrent;
using ChannelBot.Application.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>
/// Finds the sender of a channel: the sender keyed to it when it takes the channel now, else the explicit fallback
/// (<see cref="ChannelSenderKeys"/>) when it does; null when nobody sends it.
/// </summary>
internal sealed class ChannelSenderRegistry(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, IChannelSender?> _keyed = new(StringComparer.Ordinal);
    private readonly Lazy<IChannelSender?> _fallback = new(() => services.GetKeyedService<IChannelSender>(ChannelSenderKeys.Fallback));

    public IChannelSender? For(string channelId)
    {
        var keyed = _keyed.GetOrAdd(channelId, static (id, sp) => sp.GetKeyedService<IChannelSender>(id), services);
        if (keyed is not null && keyed.Handles(channelId))
        {
            return keyed;
        }

        return _fallback.Value is { } fallback && fallback.Handles(channelId) ? fallback : null;
    }
}
