namespace ChannelBot.Channels.Meta;

/// <summary>An attachment of an inbound message: <c>image</c>, <c>video</c>, <c>audio</c>, <c>file</c>, <c>location</c>, <c>sticker</c>, <c>fallback</c>…</summary>
internal sealed class MetaAttachment
{
    public string? Type { get; set; }

    /// <summary>The title of a location or fallback attachment.</summary>
    public string? Title { get; set; }

    /// <summary>The link of a location or fallback attachment.</summary>
    public string? Url { get; set; }

    public MetaAttachmentPayload? Payload { get; set; }
}
