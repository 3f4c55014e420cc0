using System.Text.Json.Nodes;
using System.Text.Json;
using ChannelBot.Channels.Meta;

namespace ChannelBot.Sandbox.Meta;

/// <summary>
/// Checks a Send API body the way the Graph API does, for the sandbox: <c>recipient.id</c> (a PSID), then either a
/// <c>sender_action</c> alone or a <c>message</c> with a <c>messaging_type</c> (a retired update tag is refused), the
/// message being text (at most 2000 characters) or one attachment, with at most 13 text quick replies (title at most
/// 20 characters, payload at most 1000); or, with <c>messaging_type</c> <c>UTILITY</c>, a utility template
/// (<c>message.template</c> with a name, <c>language.code</c> and text body parameters), kept as the template's name
/// followed by its values. A refusal is Graph's error (code 100, invalid parameter).
/// </summary>
public static class MetaSandboxSendParser
{
    private static readonly string[] SenderActions = ["typing_on", "typing_off", "mark_seen"];

    private static readonly string[] MessagingTypes = [MetaMessagingTypes.Response, MetaMessagingTypes.Update, MetaMessagingTypes.Utility, "MESSAGE_TAG"];

    private static readonly string[] RetiredTags = ["ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE"];

    public static bool TryParse(ReadOnlySpan<byte> body, out MetaSandboxSend? send, out MetaGraphError? error)
    {
        send = null;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            error = Invalid("The request body must be a JSON object.");
            return false;
        }

        if (Text(root["recipient"]?["id"]) is not { Length: > 0 } psid)
        {
            error = Invalid("The parameter recipient is required");
            return false;
        }

        if (!psid.All(char.IsAsciiDigit))
        {
            error = Invalid("No matching user found", MetaErrorCodes.NoMatchingUserSubcode);
            return false;
        }

        var action = Text(root["sender_action"]);
        var message = root["message"] as JsonObject;
        if (action is not null)
        {
            error = message is not null ? Invalid("sender_action cannot be sent with a message")
                : !SenderActions.Contains(action) ? Invalid("param sender_action must be one of {typing_on, typing_off, mark_seen}")
                : null;
            send = error is null ? new MetaSandboxSend(psid, action, null, null, [], null) : null;
            return error is null;
        }

        error = CheckMessagingType(root) ?? (message is null ? Invalid("The parameter message is required") : null);
        if (error is not null)
        {
            return false;
        }

        return TryParseMessage(psid, Text(root["messaging_type"])!, message!, out send, out error);
    }

    private static MetaGraphError? CheckMessagingType(JsonObject root)
    {
        var type = Text(root["messaging_type"]);
        if (type is null || !MessagingTypes.Contains(type))
        {
            return Invalid("param messaging_type must be one of {RESPONSE, UPDATE, UTILITY, MESSAGE_TAG}");
        }

        var tag = Text(root["tag"]);
        if (tag is not null && RetiredTags.Contains(tag))
        {
            return Invalid($"The tag {tag} is no longer supported");
        }

        return type == "MESSAGE_TAG" && tag is null ? Invalid("param tag is required when messaging_type is MESSAGE_TAG") : null;
    }

    private static bool TryParseMessage(string psid, string messagingType, JsonObject message, out MetaSandboxSend? send, out MetaGraphError? error)
    {
        send = null;
        if (messagingType == MetaMessagingTypes.Utility || message["template"] is not null)
        {
            return TryParseTemplate(psid, messagingType, message, out send, out error);
        }

        var text = Text(message["text"]);
        var attachment = message["attachment"] as JsonObject;
        if ((text is null) == (attachment is null))
        {
            error = Invalid("A message must have either text or an attachment");
            return false;
        }

        if (text is { Length: > MetaMessageComposer.MaxTextLength })
        {
            error = Invalid($"param message[text] must be UTF-8 encoded and at most {MetaMessageComposer.MaxTextLength} characters");
            return false;
        }

        string? imageUrl = null;
        if (attachment is not null)
        {
            imageUrl = Text(attachment["payload"]?["url"]);
            if (Text(attachment["type"]) is not ("image" or "video" or "audio" or "file")
                || !Uri.TryCreate(imageUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                error = Invalid("param message[attachment] needs a type (image, video, audio, file) and payload.url, an http(s) URL");
                return false;
            }
        }

        if (!TryParseQuickReplies(message["quick_replies"], out var quickReplies, out error))
        {
            return false;
        }

        send = new MetaSandboxSend(psid, null, text, imageUrl, quickReplies, messagingType);
        return true;
    }

    private static bool TryParseTemplate(string psid, string messagingType, JsonObject message, out MetaSandboxSend? send, out MetaGraphError? error)
    {
        send = null;
        var template = message["template"] as JsonObject;
        var name = Text(template?["name"]);
        if (messagingType != MetaMessagingTypes.Utility || template is null || name is not { Length: > 0 }
            || Text(template["language"]?["code"]) is not { Length: > 0 } || message.Count != 1)
        {
            error = Invalid("a utility template needs messaging_type UTILITY and message.template alone, with a name and language.code");
            return false;
        }

        var values = new List<string>();
        foreach (var component in template["components"] as JsonArray ?? [])
        {
            foreach (var parameter in component?["parameters"] as JsonArray ?? [])
            {
                if (Text(parameter?["type"]) != "text" || Text(parameter?["text"]) is not { } value)
                {
                    error = Invalid("param message[template][components] parameters must be of type text with a text");
                    return false;
                }

                values.Add(value);
            }
        }

        error = null;
        send = new MetaSandboxSend(psid, null, $"[{name}] {string.Join(" · ", values)}".TrimEnd(), null, [], messagingType);
        return true;
    }

    private static bool TryParseQuickReplies(JsonNode? node, out List<MetaSandboxQuickReply> quickReplies, out MetaGraphError? error)
    {
        quickReplies = [];
        error = null;
        if (node is null)
        {
            return true;
        }

        if (node is not JsonArray array || array.Count is 0 or > MetaMessageComposer.MaxQuickReplies)
        {
            error = Invalid($"param message[quick_replies] must be an array of 1 to {MetaMessageComposer.MaxQuickReplies} items");
            return false;
        }

        foreach (var item in array)
        {
            var title = Text(item?["title"]);
            var payload = Text(item?["payload"]);
            if (Text(item?["content_type"]) != "text"
                || title is not { Length: > 0 and <= MetaMessageComposer.MaxQuickReplyTitle }
                || payload is not { Length: > 0 and <= MetaMessageComposer.MaxPayloadLength })
            {
                error = Invalid($"a text quick reply needs a title of 1 to {MetaMessageComposer.MaxQuickReplyTitle} characters and a payload of 1 to {MetaMessageComposer.MaxPayloadLength}");
                return false;
            }

            quickReplies.Add(new MetaSandboxQuickReply(title, payload));
        }

        return true;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static MetaGraphError Invalid(string message, int? subcode = null) => new()
    {
        Message = "(#100) " + message,
        Type = "OAuthException",
        Code = MetaErrorCodes.InvalidParameter,
        ErrorSubcode = subcode,
    };
}
