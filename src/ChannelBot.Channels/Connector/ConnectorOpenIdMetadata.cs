using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// The two OpenID configurations inbound tokens are checked against: Azure Bot Service channels and the
/// Emulator (AAD). Each is cached by <see cref="ConfigurationManager{T}"/>: the first fetch blocks, later
/// ones run in the background, every 12 hours and whenever a token names a key the cached set lacks (at most
/// every 5 minutes). So on a key rollover the request that reveals the new key is refused and the following
/// ones pass once the background fetch has finished; the issuers publish new keys well before signing with
/// them, so this stays theoretical. If fetching fails, the last good set keeps being used.
/// </summary>
internal sealed class ConnectorOpenIdMetadata
{
    public ConnectorOpenIdMetadata(IOptions<ConnectorOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retriever = new ConnectorMetadataDocumentRetriever(httpClientFactory, options.Value.RequireHttpsMetadata);
        Channel = Create(options.Value.ChannelOpenIdMetadataUrl, retriever);
        Emulator = Create(options.Value.EmulatorOpenIdMetadataUrl, retriever);
    }

    public ConfigurationManager<OpenIdConnectConfiguration> Channel { get; }

    public ConfigurationManager<OpenIdConnectConfiguration> Emulator { get; }

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string url, IDocumentRetriever retriever) =>
        new(url, new OpenIdConnectConfigurationRetriever(), retriever);
}
