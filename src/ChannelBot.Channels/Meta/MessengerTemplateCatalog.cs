using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Meta;

/// <summary>Tells the notification policy which updates Messenger can send outside its window (a configured utility template).</summary>
internal sealed class MessengerTemplateCatalog(IOptions<MetaOptions> options) : INotificationTemplates
{
    public string ChannelId => ChannelIds.Facebook;

    public bool Has(ProactiveNotification notification) => MessengerUtilityTemplates.Find(options.Value, notification) is not null;

    public string SettingFor(ProactiveNotification notification) => MessengerUtilityTemplates.SettingFor(notification);
}
