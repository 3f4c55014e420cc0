using Microsoft.IdentityModel.Protocols;

namespace ChannelBot.Channels.Connector;

/// <summary>
/// Fetches OpenID metadata and key sets for <see cref="ConfigurationManager{T}"/> through
/// <see cref="IHttpClientFactory"/> (so handlers rotate and tests can point it at a local server).
/// Any failure surfaces as an <see cref="IOException"/>, which the configuration manager reports as
/// "configuration unavailable".
/// </summary>
internal sealed class ConnectorMetadataDocumentRetriever(IHttpClientFactory httpClientFactory, bool requireHttps) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new IOException($"The metadata address '{address}' is not an absolute http(s) URL.");
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new IOException($"The metadata address '{address}' is not https and Connector:RequireHttpsMetadata is on.");
        }

        var client = httpClientFactory.CreateClient(ConnectorHttpClients.Metadata);
        try
        {
            using var response = await client.GetAsync(uri, cancel).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new IOException($"GET {uri.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}.");
            }

            return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new IOException($"GET {uri.GetLeftPart(UriPartial.Path)} failed: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancel.IsCancellationRequested)
        {
            throw new IOException($"GET {uri.GetLeftPart(UriPartial.Path)} timed out.", exception);
        }
    }
}
