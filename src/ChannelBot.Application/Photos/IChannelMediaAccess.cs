namespace ChannelBot.Application.Photos;

/// <summary>
/// What a channel says about fetching its residents' media; the fetch itself (hops, address checks, limits) is the
/// media fetcher's alone. A channel names the hosts its media may come from (the provider's API and CDN) and adds
/// its credentials to a request only when that request goes to the provider's own API host.
/// </summary>
public interface IChannelMediaAccess
{
    bool Handles(string channelId);

    /// <summary>Host names media may be fetched from, each exact (<c>api.twilio.com</c>) or a suffix (<c>*.twiliocdn.com</c>).</summary>
    IReadOnlyList<string> MediaHosts { get; }

    /// <summary>Adds the provider's credentials when <paramref name="request"/> goes to its API host; leaves any other request bare.</summary>
    void Authorize(HttpRequestMessage request);
}
