namespace ChannelBot.Channels.Meta;

/// <summary>An attachment's payload: the media's CDN URL, or a location's coordinates.</summary>
internal sealed class MetaAttachmentPayload
{
    public string? Url { get; set; }

    public MetaCoordinates? Coordinates { get; set; }

    public long? StickerId { get; set; }
}
