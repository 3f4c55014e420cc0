namespace ChannelBot.Schema;

/// <summary>The channel ids ChannelBot gives (or accepts on) activities.</summary>
public static class ChannelIds
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string Facebook = "facebook";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Emulator = "emulator";
    public const string Test = "test";
}
