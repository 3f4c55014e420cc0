namespace ChannelBot.Channels.Meta;

/// <summary>A sender or recipient: the resident's page-scoped id (PSID) or our Page's id.</summary>
internal sealed class MetaParty
{
    public string? Id { get; set; }
}
