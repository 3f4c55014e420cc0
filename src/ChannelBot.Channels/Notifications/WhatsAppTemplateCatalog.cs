using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Notifications;

/// <summary>Tells the notification policy which updates WhatsApp can send outside its window (a configured Content template).</summary>
internal sealed class WhatsAppTemplateCatalog(IOptions<TwilioOptions> options) : INotificationTemplates
{
    public string ChannelId => ChannelIds.WhatsApp;

    public bool Has(ProactiveNotification notification) => WhatsAppTemplates.Find(options.Value, notification) is not null;

    public string SettingFor(ProactiveNotification notification) => WhatsAppTemplates.SettingFor(notification);
}
