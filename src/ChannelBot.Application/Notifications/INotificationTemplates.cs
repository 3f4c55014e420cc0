using ChannelBot.Application.Messaging;

namespace ChannelBot.Application.Notifications;

/// <summary>
/// The approved templates of one channel that needs them outside its 24-hour window (WhatsApp, Messenger). Each
/// such channel registers one; the notification policy asks before it chooses a template over another channel.
/// </summary>
public interface INotificationTemplates
{
    /// <summary>The channel id these templates are for.</summary>
    string ChannelId { get; }

    /// <summary>True when a template is configured for the notification's purpose in its language.</summary>
    bool Has(ProactiveNotification notification);

    /// <summary>The setting that would hold the notification's template, for the reason staff see when there is none.</summary>
    string SettingFor(ProactiveNotification notification);
}
