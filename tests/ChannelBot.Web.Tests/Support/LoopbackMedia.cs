namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// Test fakes (WireMock, the fake Twilio and Graph) serve media from 127.0.0.1, which the app refuses to fetch from
/// unless told: this lets a channel's media come from loopback, as a city's own network would be allowed.
/// </summary>
public static class LoopbackMedia
{
    public static Dictionary<string, string?> WithLoopbackMedia(this Dictionary<string, string?> settings, params string[] channels)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Media:AllowedPrivateNetworks:0"] = "127.0.0.1/32";
        foreach (var channel in channels)
        {
            settings[$"Media:AllowedHosts:{channel}:0"] = "127.0.0.1";
            settings[$"Media:AllowedHosts:{channel}:1"] = "localhost";
        }

        return settings;
    }
}
