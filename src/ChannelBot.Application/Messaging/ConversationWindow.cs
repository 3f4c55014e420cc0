namespace ChannelBot.Application.Messaging;

/// <summary>
/// The customer-service window of WhatsApp and Messenger: a business may send free-form messages only within this
/// long after the resident's last message; after it, only an approved template. The one definition the
/// notification policy (when a change is made) and the senders (at send time) both read.
/// </summary>
public static class ConversationWindow
{
    /// <summary>How long after the resident's last message free-form messages may go.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>True when a message sent at <paramref name="at"/> is inside the window opened at <paramref name="lastInbound"/>.</summary>
    public static bool IsOpen(DateTimeOffset lastInbound, DateTimeOffset at) => at - lastInbound < Length;
}
