using ChannelBot.Application.Photos;
using Microsoft.Extensions.Options;

namespace ChannelBot.Web.Open311;

/// <summary>
/// A photo posted with a request (<c>media_url</c>, hosted by the client) is fetched by the one media fetcher like a
/// channel's, only from the hosts the city lists in <see cref="Open311Options.MediaHosts"/> (none by default: never
/// fetched), each hop of a redirect checked again, public addresses only, within the photo limits; no credential is
/// ever sent.
/// </summary>
internal sealed class Open311MediaAccess(IOptionsMonitor<Open311Options> options) : IChannelMediaAccess
{
    public bool Handles(string channelId) => string.Equals(channelId, PostRequestEndpoint.ChannelId, StringComparison.Ordinal);

    public IReadOnlyList<string> MediaHosts => [.. options.CurrentValue.MediaHosts.Select(h => h.Trim())];

    public void Authorize(HttpRequestMessage request)
    {
    }
}
