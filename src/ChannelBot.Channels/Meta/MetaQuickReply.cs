namespace ChannelBot.Channels.Meta;

/// <summary>The quick reply a resident tapped: its payload is the option's value we sent.</summary>
internal sealed class MetaQuickReply
{
    public string? Payload { get; set; }
}
