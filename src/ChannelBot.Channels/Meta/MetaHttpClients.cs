namespace ChannelBot.Channels.Meta;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients this channel uses.</summary>
internal static class MetaHttpClients
{
    /// <summary>The Graph API: Send API calls.</summary>
    public const string Graph = "meta-graph";
}
