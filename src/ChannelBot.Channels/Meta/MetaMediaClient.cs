using ChannelBot.Application.Photos;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Fetches inbound Messenger media. The image URLs in webhook events are public CDN links (signed in the URL
/// itself), so no credential is ever attached — the Page token in particular never leaves the Graph API calls.
/// Only http(s); redirects are followed by the handler (there is nothing to leak).
/// </summary>
public sealed class MetaMediaClient(IHttpClientFactory httpClientFactory) : IChannelMediaClient
{
    public bool Handles(string channelId) => string.Equals(channelId, ChannelIds.Facebook, StringComparison.Ordinal);

    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new HttpRequestException("Messenger media must be an http(s) URL.");
        }

        var client = httpClientFactory.CreateClient(MetaHttpClients.Media);
        return client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
