namespace ChannelBot.Application.Outbound;

/// <summary>
/// How senders are found: each is registered as a keyed <see cref="IChannelSender"/> under every channel id it sends
/// (<c>sms</c>, <c>facebook</c>…), and one sender — the Bot Framework Connector — under <see cref="Fallback"/>, for the
/// channels no sender is keyed to or whose sender declines (<see cref="IChannelSender.Handles"/> false, e.g.
/// Messenger without a Page token). Registration order decides nothing.
/// </summary>
public static class ChannelSenderKeys
{
    /// <summary>The key of the explicit fallback sender.</summary>
    public const string Fallback = "*";
}
