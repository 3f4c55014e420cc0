using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ChannelBot.Channels.Email;
using MimeKit;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// The email a department's crew gets for a new case (docs/department-email.md): a subject with the ticket and the
/// service, a plain-text and an HTML part saying the same — ticket, service, the resident's own words, the place with a
/// map link, the answers to the catalog's questions, when and by which channel it was filed, when it is due, the case
/// in the staff console — and the photos attached. Everything from the resident is HTML-encoded in the HTML part (and
/// is only text in the other). Nothing about the resident (name, phone, email) is in it, as in the webhook's payload.
/// The Message-ID is made from the delivery's idempotency key, the same on every try, and the key itself is sent as
/// <c>X-ChannelBot-Idempotency-Key</c>. Unlike residents' emails there is no unsubscribe link: a department stops these
/// by its setting, not by a click. Pure.
/// </summary>
internal static class DepartmentEmailComposer
{
    public const string IdempotencyHeaderName = "X-ChannelBot-Idempotency-Key";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The message's Message-ID for <paramref name="idempotencyKey"/>: the key as a dot-atom (RFC 5322) at the sender's domain.</summary>
    public static string MessageIdFor(string idempotencyKey, string fromAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var local = new StringBuilder(idempotencyKey.Length);
        foreach (var c in idempotencyKey)
        {
            local.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '.');
        }

        return local.ToString().Trim('.') + "@" + EmailComposer.DomainOf(fromAddress);
    }

    /// <summary>The MIME message for <paramref name="content"/>, sent from <paramref name="options"/>' sender to <paramref name="to"/>.</summary>
    public static MimeMessage Compose(DepartmentEmailContent content, MailboxAddress to, EmailOptions options, IReadOnlyList<DepartmentEmailAttachment> attachments, IReadOnlyList<string> photoNotes)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var from = string.IsNullOrWhiteSpace(options.FromAddress) ? "311@localhost" : options.FromAddress.Trim();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, from));
        message.To.Add(to);
        var subject = $"New case {content.Ticket}: {content.ServiceName}" + (content.Address is { Length: > 0 } address ? $" at {OneLine(address)}" : string.Empty);
        message.Subject = subject.Length > EmailComposer.MaxSubjectLength ? subject[..EmailComposer.MaxSubjectLength] : subject;
        message.MessageId = MessageIdFor(content.IdempotencyKey, from);
        message.Headers.Add(IdempotencyHeaderName, content.IdempotencyKey);

        // RFC 3834: an automatic message, so a department's out-of-office answers nobody.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = Text(content, attachments, photoNotes), HtmlBody = HtmlBody(content, attachments, photoNotes) };
        foreach (var attachment in attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>An OpenStreetMap link centred on the point, with a marker.</summary>
    public static string MapLink(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}";
    }

    private static string Text(DepartmentEmailContent content, IReadOnlyList<DepartmentEmailAttachment> attachments, IReadOnlyList<string> photoNotes)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"A new case for {content.DepartmentName}.\n\n");
        foreach (var (label, value) in Facts(content))
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value}\n");
        }

        text.Append("\nWhat the resident said:\n");
        text.Append(string.IsNullOrWhiteSpace(content.Description) ? "(nothing)" : content.Description.Trim()).Append('\n');
        if (content.Answers.Count > 0)
        {
            text.Append("\nAnswers:\n");
            foreach (var (question, answer) in content.Answers)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {question}: {answer}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nPhotos: {PhotoSummary(attachments, photoNotes)}\n");
        foreach (var note in photoNotes)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {note}\n");
        }

        if (content.StaffLink is { } link)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nThe case in the staff console: {link}\n");
        }

        text.Append("\nThis email was sent automatically by the city's 311 service. Reply to the 311 team, not to the resident: their contact details are in the staff console.\n");
        return text.ToString();
    }

    private static string HtmlBody(DepartmentEmailContent content, IReadOnlyList<DepartmentEmailAttachment> attachments, IReadOnlyList<string> photoNotes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Case {content.Ticket}")).Append("</title></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E($"New case {content.Ticket}: {content.ServiceName}")}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>A new case for {E(content.DepartmentName)}.</p>\n<table>\n");
        foreach (var (label, value) in Facts(content))
        {
            var cell = label == "Map" ? $"<a href=\"{E(value)}\">{E(value)}</a>" : E(value);
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" align=\"left\">{E(label)}</th><td>{cell}</td></tr>\n");
        }

        html.Append("</table>\n<h2>What the resident said</h2>\n<p style=\"white-space:pre-wrap\">")
            .Append(E(string.IsNullOrWhiteSpace(content.Description) ? "(nothing)" : content.Description.Trim()))
            .Append("</p>\n");
        if (content.Answers.Count > 0)
        {
            html.Append("<h2>Answers</h2>\n<ul>\n");
            foreach (var (question, answer) in content.Answers)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(question)}: {E(answer)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Photos</h2>\n<p>{E(PhotoSummary(attachments, photoNotes))}</p>\n");
        if (photoNotes.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var note in photoNotes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(note)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (content.StaffLink is { } link)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(link)}\">Open the case in the staff console</a></p>\n");
        }

        html.Append("<p><small>This email was sent automatically by the city's 311 service. Reply to the 311 team, not to the resident: their contact details are in the staff console.</small></p>\n</body></html>\n");
        return html.ToString();
    }

    private static IEnumerable<(string Label, string Value)> Facts(DepartmentEmailContent content)
    {
        yield return ("Ticket", content.Ticket);
        yield return ("Service", $"{content.ServiceName} ({content.ServiceCode})");
        if (content.Address is { Length: > 0 } address)
        {
            yield return ("Place", OneLine(address));
        }

        if (content.Area is { Length: > 0 } area)
        {
            yield return ("Area", area);
        }

        if (content.Latitude is { } lat && content.Longitude is { } lon)
        {
            yield return ("Coordinates", $"{lat.ToString("0.######", CultureInfo.InvariantCulture)}, {lon.ToString("0.######", CultureInfo.InvariantCulture)}");
            yield return ("Map", MapLink(lat, lon));
        }

        yield return ("Filed", content.FiledAt);
        yield return ("Channel", content.Channel);
        if (content.DueAt is { Length: > 0 } due)
        {
            yield return ("Due", due);
        }
    }

    private static string PhotoSummary(IReadOnlyList<DepartmentEmailAttachment> attachments, IReadOnlyList<string> photoNotes) =>
        attachments.Count == 0 && photoNotes.Count == 0
            ? "none"
            : attachments.Count == 1 ? "1 attached" : $"{attachments.Count} attached";

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string E(string text) => Html.Encode(text);
}
