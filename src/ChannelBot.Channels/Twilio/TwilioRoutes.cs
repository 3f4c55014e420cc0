namespace ChannelBot.Channels.Twilio;

/// <summary>The Twilio channel's public paths (operators paste these into the Twilio console: keep them stable).</summary>
public static class TwilioRoutes
{
    public const string MessagesPath = "/api/twilio/messages";

    public const string StatusPath = "/api/twilio/status";
}
