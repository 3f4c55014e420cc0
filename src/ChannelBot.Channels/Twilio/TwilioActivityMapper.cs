using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Maps a verified inbound Twilio Messaging webhook to a Bot Framework message activity:
/// <list type="bullet">
/// <item><c>channelId</c> <c>whatsapp</c> for <c>whatsapp:</c> addresses, else <c>sms</c> (MMS included).</item>
/// <item><c>id</c> = <c>MessageSid</c> (the inbox dedupes on it); <c>timestamp</c> = when we received it (Twilio
/// sends no time).</item>
/// <item><c>from.id</c> and <c>conversation.id</c> = <c>From</c> exactly as sent: E.164 for SMS, <c>whatsapp:+E164</c>
/// or <c>whatsapp:&lt;business-scoped id&gt;</c> for WhatsApp. Never the FromCity/FromZip guesses.
/// <c>from.name</c> = WhatsApp's <c>ProfileName</c>; <c>recipient.id</c> = <c>To</c> (our number).</item>
/// <item><c>text</c> = <c>ButtonPayload</c> when a quick-reply button was pressed (route on the id, not the
/// label), else <c>Body</c>; absent when empty (media-only and location messages).</item>
/// <item><c>MediaUrl{N}</c>/<c>MediaContentType{N}</c> → attachments with the Twilio media URL (fetching needs
/// the account's Basic auth; downloading is the next step).</item>
/// <item><c>Latitude</c>/<c>Longitude</c> (+ <c>Address</c>, <c>Label</c>) → a <c>Place</c> entity with
/// <c>GeoCoordinates</c>.</item>
/// <item><c>channelData</c> = <c>{"twilio": every parameter as received, "keyword": …}</c>: the raw form kept for
/// audit, and the consent keyword (see <see cref="MessagingKeywords"/>) when there is one.</item>
/// </list>
/// A status callback sent to the message URL and addresses of channels we do not serve (<c>messenger:</c>,
/// <c>rcs:</c>…) are ignored, not stored.
/// </summary>
internal static class TwilioActivityMapper
{
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>Twilio SIDs are 34 characters; anything far longer is not one.</summary>
    public const int MaxSidLength = 64;

    /// <summary>An E.164 number, or <c>whatsapp:</c> with a number or a business-scoped id (at most ~130 characters).</summary>
    public const int MaxAddressLength = 256;

    /// <summary>Twilio sends at most 10 media per message.</summary>
    public const int MaxMedia = 10;

    public static TwilioInbound Map(TwilioForm form, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(form);

        var messageStatus = form["MessageStatus"];
        if (!string.IsNullOrEmpty(messageStatus) && messageStatus is not ("received" or "receiving"))
        {
            return TwilioInbound.Ignored($"a status callback ({messageStatus}) sent to the message URL");
        }

        var messageSid = form["MessageSid"] ?? form["SmsMessageSid"] ?? form["SmsSid"];
        if (string.IsNullOrWhiteSpace(messageSid))
        {
            return TwilioInbound.Invalid("The request has no MessageSid.");
        }

        if (messageSid.Length > MaxSidLength)
        {
            return TwilioInbound.Invalid($"The MessageSid is longer than {MaxSidLength} characters.");
        }

        var from = form["From"];
        if (string.IsNullOrWhiteSpace(from))
        {
            return TwilioInbound.Invalid("The request has no From.");
        }

        if (from.Length > MaxAddressLength)
        {
            return TwilioInbound.Invalid($"The From address is longer than {MaxAddressLength} characters.");
        }

        string channelId;
        if (from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            channelId = ChannelIds.WhatsApp;
        }
        else if (from.Contains(':', StringComparison.Ordinal))
        {
            return TwilioInbound.Ignored($"an address of a channel this bot does not serve ({from[..from.IndexOf(':', StringComparison.Ordinal)]}:)");
        }
        else
        {
            channelId = ChannelIds.Sms;
        }

        var body = form["Body"];
        var buttonPayload = form["ButtonPayload"];
        var text = !string.IsNullOrEmpty(buttonPayload) ? buttonPayload : body;
        var keyword = MessagingKeywords.ClassifyFor(channelId, body, form["OptOutType"]);

        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = messageSid,
            Timestamp = receivedAt,
            ChannelId = channelId,
            From = new ChannelAccount(from, NullIfEmpty(form["ProfileName"]), RoleTypes.User),
            Recipient = string.IsNullOrEmpty(form["To"]) ? null : new ChannelAccount(form["To"]!, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(from),
            Text = NullIfEmpty(text),
            Attachments = MediaOf(form),
            Entities = PlaceOf(form) is { } place ? [place.ToEntity()] : null,
            ChannelData = ChannelDataOf(form, keyword),
        };
        return TwilioInbound.Message(activity, keyword);
    }

    /// <summary>
    /// The <c>endOfConversation</c> that follows an opt-out into the inbox: same conversation and resident, id
    /// <c>{MessageSid}/end</c> (a redelivered STOP is a duplicate of it too).
    /// </summary>
    public static Activity EndOfConversation(Activity optOut)
    {
        ArgumentNullException.ThrowIfNull(optOut);
        return new Activity
        {
            Type = ActivityTypes.EndOfConversation,
            Id = optOut.Id + "/end",
            Timestamp = optOut.Timestamp,
            ChannelId = optOut.ChannelId,
            From = optOut.From,
            Recipient = optOut.Recipient,
            Conversation = optOut.Conversation,
            Code = "userCancelled",
        };
    }

    private static List<Attachment>? MediaOf(TwilioForm form)
    {
        List<Attachment>? attachments = null;
        for (var n = 0; n < MaxMedia; n++)
        {
            var url = form[$"MediaUrl{n.ToString(CultureInfo.InvariantCulture)}"];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                continue;
            }

            attachments ??= [];
            attachments.Add(new Attachment
            {
                ContentType = NullIfEmpty(form[$"MediaContentType{n.ToString(CultureInfo.InvariantCulture)}"]) ?? "application/octet-stream",
                ContentUrl = url,
            });
        }

        return attachments;
    }

    private static GeoPoint? PlaceOf(TwilioForm form)
    {
        if (!TryCoordinate(form["Latitude"], 90, out var latitude) || !TryCoordinate(form["Longitude"], 180, out var longitude))
        {
            return null;
        }

        return new GeoPoint(latitude, longitude, NullIfEmpty(form["Label"]), NullIfEmpty(form["Address"]));
    }

    private static bool TryCoordinate(string? value, double limit, out double coordinate) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out coordinate)
        && double.IsFinite(coordinate)
        && Math.Abs(coordinate) <= limit;

    private static JsonElement ChannelDataOf(TwilioForm form, MessagingKeyword keyword)
    {
        var parameters = new JsonObject();
        foreach (var group in form.Parameters.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var values = group.Select(p => p.Value).ToList();
            parameters[group.Key] = values.Count == 1
                ? JsonValue.Create(values[0])
                : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        var data = new JsonObject { ["twilio"] = parameters };
        if (MessagingKeywords.NameOf(keyword) is { } name)
        {
            data["keyword"] = name;
        }

        return JsonSerializer.SerializeToElement(data, TwilioJsonContext.Default.JsonObject);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
