namespace ChannelBot.Channels.Meta;

/// <summary>A read receipt: every message sent before the watermark has been read.</summary>
internal sealed class MetaRead
{
    /// <summary>Milliseconds since the epoch.</summary>
    public long? Watermark { get; set; }
}
