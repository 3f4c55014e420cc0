using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// The two OpenID configurations inbound tokens are checked against: Azure Bot Service channels and the
/// Emulator (AAD). Each is cached by <see cref="ConfigurationManager{T}"/>, refreshed automatically (every
/// 12 hours) and on demand when a token names a key the cached set does not have (key rollover).
/// </summary>
public sealed class ConnectorOpenIdMetadata
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
