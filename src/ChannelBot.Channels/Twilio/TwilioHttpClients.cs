namespace ChannelBot.Channels.Twilio;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients this channel uses.</summary>
public static class TwilioHttpClients
{
    /// <summary>The REST API: sends and reconciling look-ups.</summary>
    public const string Api = "twilio-api";

    /// <summary>Inbound media (Basic auth to the API host, redirects to the media CDN followed by hand).</summary>
    public const string Media = "twilio-media";
}
