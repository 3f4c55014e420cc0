namespace ChannelBot.Application.Notifications;

/// <summary>
/// A channel that exists only to send updates (email): whether this deployment can send on it. The policy asks it
/// rather than the sender registry, which would hand an unclaimed channel to the Bot Framework Connector.
/// </summary>
public interface INotificationChannel
{
    string ChannelId { get; }

    /// <summary>True when this deployment can deliver on the channel (e.g. a mail server is configured).</summary>
    bool IsAvailable { get; }
}
