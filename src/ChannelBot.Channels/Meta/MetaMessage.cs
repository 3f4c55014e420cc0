namespace ChannelBot.Channels.Meta;

/// <summary>A message event's <c>message</c>: typed text, a quick reply, attachments, or our own echo.</summary>
internal sealed class MetaMessage
{
    /// <summary>The message id: the inbox dedupes on it.</summary>
    public string? Mid { get; set; }

    public string? Text { get; set; }

    public MetaQuickReply? QuickReply { get; set; }

    public List<MetaAttachment>? Attachments { get; set; }

    /// <summary>True for an echo of a message our Page sent: never a resident's message.</summary>
    public bool? IsEcho { get; set; }

    public long? AppId { get; set; }

    public string? Metadata { get; set; }
}
