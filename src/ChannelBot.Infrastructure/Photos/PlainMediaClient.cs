using ChannelBot.Application.Photos;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// Fetches media that needs no credentials (the Emulator, Graph CDN links). Consulted after every channel's own
/// client. Only http(s); redirects are followed by the handler, which never carries credentials (there are none).
/// </summary>
internal sealed class PlainMediaClient(IHttpClientFactory clients) : IChannelMediaClient
{
    public const string HttpClientName = "photos";

    public bool Handles(string channelId) => true;

    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var client = clients.CreateClient(HttpClientName);
        return client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }
}
