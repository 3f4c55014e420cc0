using ChannelBot.Application.Messaging;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Infrastructure.Messaging;

/// <summary>
/// The <see cref="NotificationPurposes.StatusUpdate"/> mark of a status notification: the resident's ticket, the
/// kind of request and the new status in words (<c>status.{code}</c> of the strings), in the resident's language,
/// for channels that must send a template instead of the free-form text (WhatsApp outside its 24-hour window).
/// </summary>
public static class StatusUpdateNotification
{
    public static ProactiveNotification For(DialogDefinitions definitions, string ticket, string serviceCode, string statusCode, string language)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var lang = definitions.Strings.ContainsKey(language) ? language : definitions.DefaultLanguage;
        var service = definitions.Catalog.Find(serviceCode) is { } found ? found.Name.Get(lang, definitions.DefaultLanguage) : serviceCode;
        var key = "status." + statusCode;
        var status = definitions.Strings.TryGetValue(lang, out var table) && table.TryGetValue(key, out var text) ? text.Text
            : definitions.Strings[definitions.DefaultLanguage].TryGetValue(key, out var fallback) ? fallback.Text
            : statusCode.Replace('_', ' ');
        return new ProactiveNotification(
            NotificationPurposes.StatusUpdate,
            lang,
            [new("ticket", ticket), new("service", service), new("status", status)]);
    }
}
