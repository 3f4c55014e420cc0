using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Picks the Page's utility message template for a notification outside Messenger's 24-hour window, from
/// <see cref="MetaOptions.UtilityTemplates"/>: by the notification's purpose, then its language (exactly, then without
/// its region: <c>es-US</c> → <c>es</c>). Never a template in another language. Pure.
/// </summary>
internal static class MessengerUtilityTemplates
{
    /// <summary>The template for <paramref name="notification"/>, or null when none is configured (or the message is no notification).</summary>
    public static MessengerUtilityTemplate? Find(MetaOptions options, ProactiveNotification? notification)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (notification is null)
        {
            return null;
        }

        var languages = options.UtilityTemplates.FirstOrDefault(p => string.Equals(p.Key, notification.Purpose, StringComparison.OrdinalIgnoreCase)).Value;
        if (languages is null)
        {
            return null;
        }

        foreach (var language in TemplateLanguages.Candidates(notification.Language))
        {
            var name = languages.FirstOrDefault(l => string.Equals(l.Key, language, StringComparison.OrdinalIgnoreCase)).Value;
            if (!string.IsNullOrWhiteSpace(name))
            {
                return new MessengerUtilityTemplate(name.Trim(), language, [.. notification.Variables.Select(v => v.Value)]);
            }
        }

        return null;
    }

    /// <summary>The setting that would hold the template, for the error staff see: <c>Meta:UtilityTemplates:{purpose}:{language}</c>.</summary>
    public static string SettingFor(ProactiveNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return $"{MetaOptions.SectionName}:{nameof(MetaOptions.UtilityTemplates)}:{notification.Purpose}:{TemplateLanguages.Candidates(notification.Language).LastOrDefault() ?? "(no language)"}";
    }
}
