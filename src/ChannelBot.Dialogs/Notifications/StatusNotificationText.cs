using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Notifications;

/// <summary>
/// The sentence a resident receives when staff change their report's status, in the resident's language and
/// in the channel's short form where the strings have one. Pure: the caller decides whether and where to send.
/// </summary>
public static class StatusNotificationText
{
    /// <summary>True when a change to <paramref name="statusCode"/> is news the resident should hear (not "received").</summary>
    public static bool IsNews(string statusCode) => statusCode != "received";

    public static string For(DialogDefinitions definitions, StatusNotice notice)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(notice);
        var language = definitions.Strings.ContainsKey(notice.Language) ? notice.Language : definitions.DefaultLanguage;
        var shortText = definitions.ChannelProfileFor(notice.ChannelId).ShortText;
        var service = definitions.Catalog.Find(notice.ServiceCode) is { } found
            ? found.Name.Get(language, definitions.DefaultLanguage)
            : notice.ServiceCode;
        var values = new List<KeyValuePair<string, string>>
        {
            new("city", definitions.City.Name.Get(language, definitions.DefaultLanguage)),
            new("phone", definitions.City.Phone),
            new("emergency", definitions.City.EmergencyNumber),
            new("website", definitions.City.Website ?? string.Empty),
            new("ticket", notice.Ticket),
            new("service", service),
            new("note", notice.PublicNote ?? string.Empty),
        };

        var key = notice.StatusCode == "closed" && notice.ClosureReason is { Length: > 0 } reason
            ? $"notify.closed.{reason}"
            : notice.StatusCode == "fixed" && !notice.CanAnswer
                ? "notify.fixed.noReply"
                : $"notify.{notice.StatusCode}";
        var text = TextTemplate.Fill(Lookup(definitions, language, key, shortText) ?? Lookup(definitions, language, "notify.closed", shortText)!, values);
        if (notice.PublicNote is { Length: > 0 })
        {
            text += " " + TextTemplate.Fill(Lookup(definitions, language, "notify.note", shortText)!, values);
        }

        return text;
    }

    /// <summary>
    /// The subject line of the update by email (<c>notify.email.subject</c>): the kind of request, the ticket and the
    /// new status in words (<c>status.{code}</c>), in the resident's language.
    /// </summary>
    public static string EmailSubject(DialogDefinitions definitions, StatusNotice notice)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(notice);
        var language = definitions.Strings.ContainsKey(notice.Language) ? notice.Language : definitions.DefaultLanguage;
        var service = definitions.Catalog.Find(notice.ServiceCode) is { } found
            ? found.Name.Get(language, definitions.DefaultLanguage)
            : notice.ServiceCode;
        var status = Lookup(definitions, language, "status." + notice.StatusCode, shortText: false) ?? notice.StatusCode.Replace('_', ' ');
        var values = new List<KeyValuePair<string, string>>
        {
            new("city", definitions.City.Name.Get(language, definitions.DefaultLanguage)),
            new("ticket", notice.Ticket),
            new("service", service),
            new("status", status),
        };
        return TextTemplate.Fill(Lookup(definitions, language, "notify.email.subject", shortText: false)!, values);
    }

    internal static string? Lookup(DialogDefinitions definitions, string language, string key, bool shortText) =>
        definitions.Strings.TryGetValue(language, out var table) && table.TryGetValue(key, out var text)
            ? text.For(shortText)
            : definitions.Strings[definitions.DefaultLanguage].TryGetValue(key, out var fallback) ? fallback.For(shortText) : null;
}
