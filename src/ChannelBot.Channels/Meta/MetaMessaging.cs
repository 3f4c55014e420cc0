namespace ChannelBot.Channels.Meta;

/// <summary>One messaging event: exactly one of message, postback, delivery or read is expected (others are ignored).</summary>
internal sealed class MetaMessaging
{
    public MetaParty? Sender { get; set; }

    public MetaParty? Recipient { get; set; }

    /// <summary>When the event happened, in milliseconds since the epoch.</summary>
    public long? Timestamp { get; set; }

    public MetaMessage? Message { get; set; }

    public MetaPostback? Postback { get; set; }

    public MetaDelivery? Delivery { get; set; }

    public MetaRead? Read { get; set; }
}
