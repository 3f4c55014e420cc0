using ChannelBot.Application.Outbound;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>Finds the sender of a channel: the first registered sender that handles it.</summary>
internal sealed class ChannelSenderRegistry
{
    private readonly IReadOnlyList<IChannelSender> _senders;

    public ChannelSenderRegistry(IEnumerable<IChannelSender> senders) => _senders = senders.ToList();

    public IChannelSender? For(string channelId)
    {
        foreach (var sender in _senders)
        {
            if (sender.Handles(channelId))
            {
                return sender;
            }
        }

        return null;
    }
}
