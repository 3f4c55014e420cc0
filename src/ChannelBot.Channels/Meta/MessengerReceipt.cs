namespace ChannelBot.Channels.Meta;

/// <summary>How far a sent message is known to have come, in order.</summary>
public enum MessengerReceipt
{
    None,
    Delivered,
    Read,
}
