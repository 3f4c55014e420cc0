namespace ChannelBot.Channels.Meta;

/// <summary>The body of a failed Graph API call.</summary>
internal sealed class MetaGraphErrorEnvelope
{
    public MetaGraphError? Error { get; set; }
}
