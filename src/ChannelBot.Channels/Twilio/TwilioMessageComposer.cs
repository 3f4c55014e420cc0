using System.Globalization;
using System.Text;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Turns an outbound message activity into the form of <c>POST …/Messages.json</c>. Pure.
/// <list type="bullet">
/// <item><c>To</c> = the conversation's id (the resident's address as Twilio sent it).</item>
/// <item>SMS: <c>MessagingServiceSid</c> when configured (Twilio picks the sender), else <c>From</c>. WhatsApp:
/// <c>From</c> = <see cref="TwilioOptions.WhatsAppFrom"/>.</item>
/// <item><c>Body</c> = the text; choices still on the activity (<c>suggestedActions</c>) are appended as a numbered
/// list, "1. …" a line, which the dialog understands as answers. WhatsApp gets the numbered list too: quick-reply
/// buttons exist only as Content resources with a ContentSid (docs/adr/0005-whatsapp-choices-and-templates.md).</item>
/// <item>A WhatsApp template (<see cref="TwilioContent"/>, outside the 24-hour window): <c>ContentSid</c> and
/// <c>ContentVariables</c> instead of <c>Body</c> and <c>MediaUrl</c>.</item>
/// <item><c>MediaUrl</c>, repeated, for each image attachment with a public http(s) URL (MMS on SMS; WhatsApp
/// takes one).</item>
/// <item><c>StatusCallback</c> = the public URL + <c>/api/twilio/status?outbox={row id}</c>: the callback then
/// names its outbox row even when the send's answer was lost.</item>
/// </list>
/// </summary>
internal static class TwilioMessageComposer
{
    /// <summary>Twilio refuses a longer body (error 21617).</summary>
    public const int MaxBodyLength = 1600;

    public const int MaxSmsMedia = 10;

    public const int MaxWhatsAppMedia = 1;

    /// <summary>The query parameter of the status callback URL that names the outbox row.</summary>
    public const string OutboxParameter = "outbox";

    public static bool TryCompose(
        long outboxId,
        Activity activity,
        TwilioOptions options,
        string? publicBaseUrl,
        out TwilioOutbound? outbound,
        out string? error) => TryCompose(outboxId, activity, options, publicBaseUrl, content: null, out outbound, out error);

    /// <param name="content">The template to send instead of the activity's text and images; null for free-form.</param>
    public static bool TryCompose(
        long outboxId,
        Activity activity,
        TwilioOptions options,
        string? publicBaseUrl,
        TwilioContent? content,
        out TwilioOutbound? outbound,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        outbound = null;

        var channelId = activity.ChannelId;
        var to = !string.IsNullOrEmpty(activity.Conversation?.Id) ? activity.Conversation.Id : activity.Recipient?.Id;
        if (string.IsNullOrEmpty(to))
        {
            error = "the activity has no conversation.id (the resident's address)";
            return false;
        }

        var isWhatsApp = string.Equals(channelId, ChannelIds.WhatsApp, StringComparison.Ordinal);
        if (isWhatsApp != to.StartsWith(TwilioActivityMapper.WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            error = $"the address does not belong to channel '{channelId}'";
            return false;
        }

        var fields = new List<KeyValuePair<string, string>> { new("To", to) };
        if (isWhatsApp)
        {
            if (string.IsNullOrWhiteSpace(options.WhatsAppFrom))
            {
                error = "Twilio:WhatsAppFrom is not configured";
                return false;
            }

            fields.Add(new("From", options.WhatsAppFrom));
        }
        else if (!string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            fields.Add(new("MessagingServiceSid", options.MessagingServiceSid));
        }
        else if (!string.IsNullOrWhiteSpace(options.From))
        {
            fields.Add(new("From", options.From));
        }
        else
        {
            error = "neither Twilio:MessagingServiceSid nor Twilio:From is configured";
            return false;
        }

        if (content is not null)
        {
            if (!isWhatsApp)
            {
                error = "templates are sent on WhatsApp only";
                return false;
            }

            fields.Add(new("ContentSid", content.ContentSid));
            fields.Add(new("ContentVariables", content.ContentVariables));
            AddStatusCallback(fields, outboxId, publicBaseUrl);
            outbound = new TwilioOutbound(to, null, [], fields) { Content = content };
            error = null;
            return true;
        }

        var body = BodyOf(activity);
        if (body is { Length: > MaxBodyLength })
        {
            error = $"the text is {body.Length} characters; Twilio takes at most {MaxBodyLength}";
            return false;
        }

        var media = MediaOf(activity, isWhatsApp ? MaxWhatsAppMedia : MaxSmsMedia);
        if (body is null && media.Count == 0)
        {
            error = "the activity has neither text nor an image to send";
            return false;
        }

        if (body is not null)
        {
            fields.Add(new("Body", body));
        }

        foreach (var url in media)
        {
            fields.Add(new("MediaUrl", url));
        }

        AddStatusCallback(fields, outboxId, publicBaseUrl);
        outbound = new TwilioOutbound(to, body, media, fields);
        error = null;
        return true;
    }

    private static void AddStatusCallback(List<KeyValuePair<string, string>> fields, long outboxId, string? publicBaseUrl)
    {
        if (!string.IsNullOrEmpty(publicBaseUrl))
        {
            var callback = publicBaseUrl.TrimEnd('/') + TwilioRoutes.StatusPath + "?" + OutboxParameter + "=" + outboxId.ToString(CultureInfo.InvariantCulture);
            fields.Add(new("StatusCallback", callback));
        }
    }

    /// <summary>The text with the activity's choices appended as a numbered list; null when there is nothing.</summary>
    public static string? BodyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = string.IsNullOrWhiteSpace(activity.Text) ? null : activity.Text.Trim();
        var choices = activity.SuggestedActions?.Actions
            .Select(a => a.Title ?? a.ValueText)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();
        if (choices is null || choices.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i]!.Trim());
        }

        return builder.ToString();
    }

    private static List<string> MediaOf(Activity activity, int max)
    {
        var urls = new List<string>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (urls.Count == max)
            {
                break;
            }

            if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true
                && Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            {
                urls.Add(attachment.ContentUrl!);
            }
        }

        return urls;
    }
}
