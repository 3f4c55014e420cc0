using System.Globalization;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime.Rendering;

namespace ChannelBot.Dialogs.Notifications;

/// <summary>
/// The receipt emailed when a report is filed (<c>receipt.email.subject</c> and <c>receipt.email.body</c>), or texted
/// (<c>receipt.sms</c>): the ticket,
/// the kind of request, the place as the resident gave it, what happens next and how to check on it, in the report's
/// language. Pure: whether and where it goes is the caller's.
/// </summary>
public static class CaseReceiptText
{
    public static string Subject(DialogDefinitions definitions, CaseReceiptNotice notice) =>
        Fill(definitions, notice, "receipt.email.subject");

    public static string Body(DialogDefinitions definitions, CaseReceiptNotice notice) =>
        Fill(definitions, notice, "receipt.email.body");

    /// <summary>The receipt texted to a caller who chose SMS for updates (<c>receipt.sms</c>): one segment in English.</summary>
    public static string Sms(DialogDefinitions definitions, CaseReceiptNotice notice) =>
        Fill(definitions, notice, "receipt.sms");

    private static string Fill(DialogDefinitions definitions, CaseReceiptNotice notice, string key)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(notice);
        var language = definitions.Strings.ContainsKey(notice.Language) ? notice.Language : definitions.DefaultLanguage;
        var service = definitions.Catalog.Find(notice.ServiceCode) is { } found
            ? found.Name.Get(language, definitions.DefaultLanguage)
            : notice.ServiceCode;
        var place = notice.Address is { Length: > 0 } address
            ? address
            : notice.Latitude is { } latitude && notice.Longitude is { } longitude
                ? string.Create(CultureInfo.InvariantCulture, $"{latitude:0.00000}, {longitude:0.00000}")
                : StatusNotificationText.Lookup(definitions, language, "receipt.email.noPlace", shortText: false) ?? "-";
        var values = new List<KeyValuePair<string, string>>
        {
            new("city", definitions.City.Name.Get(language, definitions.DefaultLanguage)),
            new("phone", definitions.City.Phone),
            new("emergency", definitions.City.EmergencyNumber),
            new("website", definitions.City.Website ?? string.Empty),
            new("ticket", notice.Ticket),
            new("service", service),
            new("address", place),
        };
        var template = StatusNotificationText.Lookup(definitions, language, key, shortText: false)
            ?? throw new InvalidOperationException($"The dialog strings have no '{key}'.");
        return TextTemplate.Fill(template, values);
    }
}
