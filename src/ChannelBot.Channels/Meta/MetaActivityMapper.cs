using System.Text.Json.Nodes;
using System.Text.Json;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Maps one verified Messenger messaging event (an item of <c>entry[].messaging[]</c>) to what it means. Pure.
/// <list type="bullet">
/// <item>A message or postback becomes a Bot Framework message activity: <c>channelId</c> <c>facebook</c>,
/// <c>id</c> = the <c>mid</c> (the inbox dedupes on it), <c>timestamp</c> = Meta's event time, <c>from.id</c> and
/// <c>conversation.id</c> = the resident's PSID, <c>recipient.id</c> = our Page's id.</item>
/// <item><c>text</c> = the quick reply's or postback's payload when there is one (it is the chosen option's
/// value, which our sender put there; display titles are never matched on), else the typed text.</item>
/// <item>Image attachments (stickers excepted) → attachments with the CDN URL; a location attachment → a
/// <c>Place</c> entity with <c>GeoCoordinates</c>.</item>
/// <item><c>channelData</c> = <c>{"facebook": the event as received, "keyword": …}</c>.</item>
/// <item>Echoes of our own messages, delivery and read receipts are reported as such; anything else is ignored.</item>
/// </list>
/// Consent keywords (STOP, START, revocations) are recognized in typed text only, never in a payload. CANCEL and
/// QUIT stay dialog words (no carrier blocks anything on Messenger), and HELP reaches the dialog's help.
/// </summary>
internal static class MetaActivityMapper
{
    /// <summary>PSIDs and Page ids are digit strings of about 16 characters; anything far longer is not one.</summary>
    public const int MaxIdLength = 64;

    /// <summary>A Messenger message id is around 100 characters.</summary>
    public const int MaxMidLength = 256;

    /// <summary>A quick-reply or postback payload is at most 1000 characters.</summary>
    public const int MaxPayloadLength = 1000;

    public static MetaInbound Map(JsonElement item, string? ourPageId, DateTimeOffset receivedAt)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return MetaInbound.Invalid("a messaging event that is not an object");
        }

        MetaMessaging? messaging;
        try
        {
            messaging = item.Deserialize(MetaJsonContext.Default.MetaMessaging);
        }
        catch (JsonException exception)
        {
            return MetaInbound.Invalid("a messaging event of an unexpected shape: " + exception.Message);
        }

        if (messaging is null)
        {
            return MetaInbound.Invalid("an empty messaging event");
        }

        var at = TimeOf(messaging.Timestamp) ?? receivedAt;
        var message = messaging.Message;
        if (message?.IsEcho == true)
        {
            return new MetaInbound(MetaInboundKind.Echo, "an echo of our own message", At: at);
        }

        var senderId = messaging.Sender?.Id;
        var recipientId = messaging.Recipient?.Id;
        if (!IsId(senderId) || !IsId(recipientId))
        {
            return MetaInbound.Invalid("an event without a sender and recipient id");
        }

        if (ourPageId is not null && !string.Equals(recipientId, ourPageId, StringComparison.Ordinal))
        {
            return MetaInbound.Ignored("an event for another Page");
        }

        if (messaging.Delivery is { } delivery)
        {
            var mids = (delivery.Mids ?? []).Where(m => !string.IsNullOrEmpty(m) && m.Length <= MaxMidLength).Distinct(StringComparer.Ordinal).ToList();
            return new MetaInbound(MetaInboundKind.Delivery, ResidentId: senderId, Mids: mids, Watermark: TimeOf(delivery.Watermark), At: at);
        }

        if (messaging.Read is { } read)
        {
            return TimeOf(read.Watermark) is { } watermark
                ? new MetaInbound(MetaInboundKind.Read, ResidentId: senderId, Watermark: watermark, At: at)
                : MetaInbound.Invalid("a read receipt without a watermark");
        }

        if (messaging.Postback is { } postback)
        {
            if (string.IsNullOrEmpty(postback.Payload) || postback.Payload.Length > MaxPayloadLength)
            {
                return MetaInbound.Invalid("a postback without a usable payload");
            }

            // Older postbacks carry no mid: the event's time makes the id, which a redelivery repeats.
            var id = IsMid(postback.Mid) ? postback.Mid! : "postback-" + senderId + "-" + (messaging.Timestamp ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var activity = Activity(id, at, senderId!, recipientId!, postback.Payload, attachments: null, entities: null, item, MessagingKeyword.None);
            return new MetaInbound(MetaInboundKind.Message, Activity: activity, ResidentId: senderId, At: at);
        }

        if (message is null)
        {
            return MetaInbound.Ignored("an event that is not a message, postback, delivery or read");
        }

        if (!IsMid(message.Mid))
        {
            return MetaInbound.Invalid("a message without a mid");
        }

        var payload = message.QuickReply?.Payload;
        if (payload is { Length: > MaxPayloadLength })
        {
            return MetaInbound.Invalid("a quick reply payload longer than Messenger allows");
        }

        var text = !string.IsNullOrEmpty(payload) ? payload : NullIfEmpty(message.Text);
        var keyword = string.IsNullOrEmpty(payload) ? KeywordOf(message.Text) : MessagingKeyword.None;
        var images = ImagesOf(message.Attachments);
        var place = PlaceOf(message.Attachments);
        if (text is null && images is null && place is null)
        {
            return MetaInbound.Ignored("a message with nothing this bot reads (no text, image or location)");
        }

        var mapped = Activity(message.Mid!, at, senderId!, recipientId!, text, images, place is null ? null : [place.ToEntity()], item, keyword);
        return new MetaInbound(MetaInboundKind.Message, Activity: mapped, ResidentId: senderId, At: at, Keyword: keyword);
    }

    /// <summary>The consent keyword of typed Messenger text (see the class remarks).</summary>
    public static MessagingKeyword KeywordOf(string? text)
    {
        var keyword = MessagingKeywords.Classify(text);
        return keyword switch
        {
            MessagingKeyword.OptOut when MessagingKeywords.IsCarrierOnlyOptOut(text) => MessagingKeyword.None,
            MessagingKeyword.OptOut or MessagingKeyword.OptIn or MessagingKeyword.Revocation => keyword,
            _ => MessagingKeyword.None,
        };
    }

    /// <summary>An instant from Meta's milliseconds since the epoch; null when absent or implausible.</summary>
    public static DateTimeOffset? TimeOf(long? milliseconds) =>
        milliseconds is > 0 and < 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds.Value) : null;

    private static Activity Activity(
        string id,
        DateTimeOffset at,
        string senderId,
        string recipientId,
        string? text,
        List<Attachment>? attachments,
        List<Entity>? entities,
        JsonElement raw,
        MessagingKeyword keyword) => new()
        {
            Type = ActivityTypes.Message,
            Id = id,
            Timestamp = at,
            ChannelId = ChannelIds.Facebook,
            From = new ChannelAccount(senderId, role: RoleTypes.User),
            Recipient = new ChannelAccount(recipientId, role: RoleTypes.Bot),
            Conversation = new ConversationAccount(senderId),
            Text = text,
            Attachments = attachments,
            Entities = entities,
            ChannelData = ChannelDataOf(raw, keyword),
        };

    private static List<Attachment>? ImagesOf(List<MetaAttachment>? attachments)
    {
        List<Attachment>? images = null;
        foreach (var attachment in (attachments ?? []).OfType<MetaAttachment>())
        {
            if (!string.Equals(attachment.Type, "image", StringComparison.OrdinalIgnoreCase) || attachment.Payload is not { } payload || payload.StickerId is not null)
            {
                continue;
            }

            if (!Uri.TryCreate(payload.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                continue;
            }

            images ??= [];
            images.Add(new Attachment { ContentType = ImageTypeOf(uri), ContentUrl = payload.Url });
        }

        return images;
    }

    private static GeoPoint? PlaceOf(List<MetaAttachment>? attachments)
    {
        foreach (var attachment in (attachments ?? []).OfType<MetaAttachment>())
        {
            if (!string.Equals(attachment.Type, "location", StringComparison.OrdinalIgnoreCase)
                || attachment.Payload?.Coordinates is not { Lat: { } lat, Long: { } lon }
                || !double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            {
                continue;
            }

            return new GeoPoint(lat, lon, NullIfEmpty(attachment.Title));
        }

        return null;
    }

    /// <summary>The CDN does not say the type in the event; the URL's extension is a hint (the download's own type wins).</summary>
    private static string ImageTypeOf(Uri uri)
    {
        var path = uri.AbsolutePath;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            _ => "image/jpeg",
        };
    }

    private static JsonElement ChannelDataOf(JsonElement raw, MessagingKeyword keyword)
    {
        var data = new JsonObject { ["facebook"] = JsonNode.Parse(raw.GetRawText()) };
        if (MessagingKeywords.NameOf(keyword) is { } name)
        {
            data["keyword"] = name;
        }

        return JsonSerializer.SerializeToElement(data, MetaJsonContext.Default.JsonObject);
    }

    private static bool IsId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;

    private static bool IsMid(string? mid) => !string.IsNullOrWhiteSpace(mid) && mid.Length <= MaxMidLength;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
