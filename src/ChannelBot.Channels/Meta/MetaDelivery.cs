namespace ChannelBot.Channels.Meta;

/// <summary>A delivery receipt: the listed messages (when given) and everything sent before the watermark are delivered.</summary>
internal sealed class MetaDelivery
{
    public List<string>? Mids { get; set; }

    /// <summary>Milliseconds since the epoch.</summary>
    public long? Watermark { get; set; }
}
