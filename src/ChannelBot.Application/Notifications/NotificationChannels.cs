namespace ChannelBot.Application.Notifications;

/// <summary>
/// Channel ids an update can go out on besides the resident's own conversation. <c>sms</c> and <c>whatsapp</c>
/// are the Bot Framework ids of <see cref="Schema.ChannelIds"/>; <c>email</c> is ours (there is no Bot Framework
/// email conversation behind it, only the address).
/// </summary>
public static class NotificationChannels
{
    public const string Sms = Schema.ChannelIds.Sms;

    public const string WhatsApp = Schema.ChannelIds.WhatsApp;

    public const string Email = "email";

    /// <summary>The update channels a web chat reporter can choose at the end of a report.</summary>
    public static readonly IReadOnlyList<string> Choosable = [Sms, WhatsApp, Email];

    /// <summary>Channels that allow free-form messages only for a while after the resident's last message (24 hours).</summary>
    public static bool HasWindow(string channelId) =>
        channelId is Schema.ChannelIds.WhatsApp or Schema.ChannelIds.Facebook;
}
