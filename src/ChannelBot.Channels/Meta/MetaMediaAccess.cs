using ChannelBot.Application.Photos;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Inbound Messenger media: public CDN links signed in the URL itself (Facebook's CDN and attachment hosts), so no
/// credential is ever attached — the Page token never leaves the Graph API calls. More hosts, if Meta adds some:
/// <c>Media:AllowedHosts:facebook</c>.
/// </summary>
internal sealed class MetaMediaAccess : IChannelMediaAccess
{
    public static IReadOnlyList<string> CdnHosts { get; } = ["*.fbcdn.net", "*.fbsbx.com", "*.facebook.com"];

    public bool Handles(string channelId) => string.Equals(channelId, ChannelIds.Facebook, StringComparison.Ordinal);

    public IReadOnlyList<string> MediaHosts => CdnHosts;

    public void Authorize(HttpRequestMessage request)
    {
    }
}
