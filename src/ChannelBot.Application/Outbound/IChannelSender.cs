namespace ChannelBot.Application.Outbound;

/// <summary>
/// Sends outbound activities to one or more channels. The outbox dispatcher calls it after the turn's
/// transaction has committed, once per outbox row; it must not retry on its own past what its resilience
/// pipeline does, and must say whether a failure is worth retrying.
/// </summary>
public interface IChannelSender
{
    /// <summary>True when this sender delivers activities of the given channel.</summary>
    bool Handles(string channelId);

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
