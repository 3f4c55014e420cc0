namespace ChannelBot.Channels.Twilio;

/// <summary>Names of the <see cref="IHttpClientFactory"/> clients this channel uses.</summary>
internal static class TwilioHttpClients
{
    /// <summary>The REST API: sends and reconciling look-ups.</summary>
    public const string Api = "twilio-api";
}
