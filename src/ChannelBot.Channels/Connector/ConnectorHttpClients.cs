namespace ChannelBot.Channels.Connector;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients this channel uses.</summary>
internal static class ConnectorHttpClients
{
    /// <summary>Outbound activities to a channel's <c>serviceUrl</c>.</summary>
    public const string Sender = "connector";

    /// <summary>OAuth client-credentials requests for outbound tokens.</summary>
    public const string Token = "connector-token";

    /// <summary>OpenID metadata and signing keys for inbound token validation.</summary>
    public const string Metadata = "connector-metadata";
}
