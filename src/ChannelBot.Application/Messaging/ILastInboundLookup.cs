namespace ChannelBot.Application.Messaging;

/// <summary>
/// When a resident last wrote in a conversation, read from the durable conversation store (WhatsApp's 24-hour
/// customer-service window starts there). Senders ask it just before they send, so a message held by the outbox
/// (quiet hours, retries) is judged by the window as it is when it goes out.
/// </summary>
public interface ILastInboundLookup
{
    /// <param name="conversationKey">The outbox row's conversation key (<c>{channelId}/conversations/{conversationId}</c>).</param>
    /// <returns>The time of the last inbound message, or null when the conversation is unknown or never had one.</returns>
    Task<DateTimeOffset?> LastInboundAtAsync(string conversationKey, CancellationToken cancellationToken);
}
