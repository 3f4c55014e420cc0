using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Turns an outbound message activity into Send API bodies (<c>POST /me/messages</c>). Pure.
/// <list type="bullet">
/// <item><c>recipient.id</c> = the conversation's id (the resident's PSID); <c>messaging_type</c> as given
/// (<see cref="MetaMessagingTypes"/>; never a message tag).</item>
/// <item>Each image attachment with a public http(s) URL: its own message,
/// <c>{"attachment":{"type":"image","payload":{"url":…}}}</c>, sent before the text.</item>
/// <item>The text (at most <see cref="MaxTextLength"/> characters), last, so its quick replies stay under the
/// newest message. Choices (<c>suggestedActions</c>) become quick replies — <c>content_type</c> <c>text</c>, the
/// option's title (at most <see cref="MaxQuickReplyTitle"/> characters) and, as <c>payload</c>, the option's value,
/// which comes back as the answer. More than <see cref="MaxQuickReplies"/> choices, or a title too long, and the
/// choices are appended to the text as a numbered list instead (the dialog understands the numbers).</item>
/// </list>
/// </summary>
public static class MetaMessageComposer
{
    public const int MaxTextLength = 2000;

    public const int MaxQuickReplies = 13;

    public const int MaxQuickReplyTitle = 20;

    public const int MaxPayloadLength = 1000;

    public const int MaxImages = 10;

    public static bool TryCompose(Activity activity, string messagingType, out MetaOutbound? outbound, out string? error)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(messagingType);
        outbound = null;

        var to = RecipientOf(activity);
        if (string.IsNullOrEmpty(to))
        {
            error = "the activity has no conversation.id (the resident's PSID)";
            return false;
        }

        var requests = new List<JsonObject>();
        foreach (var url in ImagesOf(activity))
        {
            requests.Add(Envelope(to, messagingType, new JsonObject
            {
                ["attachment"] = new JsonObject
                {
                    ["type"] = "image",
                    ["payload"] = new JsonObject { ["url"] = url },
                },
            }));
        }

        var text = string.IsNullOrWhiteSpace(activity.Text) ? null : activity.Text.Trim();
        var choices = ChoicesOf(activity);
        var quickReplies = 0;
        if (choices.Count > 0)
        {
            if (text is not null && CanBeQuickReplies(choices))
            {
                quickReplies = choices.Count;
            }
            else
            {
                text = Numbered(text, choices);
            }
        }

        if (text is { Length: > MaxTextLength })
        {
            error = $"the text is {text.Length} characters; Messenger takes at most {MaxTextLength}";
            return false;
        }

        if (text is not null)
        {
            var message = new JsonObject { ["text"] = text };
            if (quickReplies > 0)
            {
                message["quick_replies"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject
                {
                    ["content_type"] = "text",
                    ["title"] = c.Title,
                    ["payload"] = c.Value,
                })]);
            }

            requests.Add(Envelope(to, messagingType, message));
        }

        if (requests.Count == 0)
        {
            error = "the activity has neither text nor an image to send";
            return false;
        }

        outbound = new MetaOutbound(to, requests, quickReplies);
        error = null;
        return true;
    }

    /// <summary>
    /// A utility message template (outside the 24-hour window): <c>messaging_type</c> <c>UTILITY</c> and
    /// <c>message.template</c> with the template's name, <c>language.code</c> and one body component whose text
    /// parameters are the values in order. Never a message tag.
    /// </summary>
    public static JsonObject UtilityTemplate(string to, MessengerUtilityTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var parameters = new JsonArray([.. template.Values.Select(v => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = v })]);
        var body = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = new JsonObject { ["code"] = template.Language },
            ["components"] = parameters.Count == 0 ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "body", ["parameters"] = parameters }),
        };
        return Envelope(to, MetaMessagingTypes.Utility, new JsonObject { ["template"] = body });
    }

    /// <summary>A sender action (<c>typing_on</c>, <c>typing_off</c>, <c>mark_seen</c>): no <c>message</c>, no <c>messaging_type</c>.</summary>
    public static JsonObject SenderAction(string to, string action) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = to },
        ["sender_action"] = action,
    };

    /// <summary>The resident's PSID an outbound activity goes to.</summary>
    public static string? RecipientOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return !string.IsNullOrEmpty(activity.Conversation?.Id) ? activity.Conversation.Id : activity.Recipient?.Id;
    }

    private static JsonObject Envelope(string to, string messagingType, JsonObject message) => new()
    {
        ["recipient"] = new JsonObject { ["id"] = to },
        ["messaging_type"] = messagingType,
        ["message"] = message,
    };

    private static List<(string Title, string Value)> ChoicesOf(Activity activity)
    {
        var choices = new List<(string, string)>();
        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            var title = (action.Title ?? action.ValueText)?.Trim();
            var value = action.ValueText ?? action.Title;
            if (string.IsNullOrEmpty(title) || string.IsNullOrEmpty(value))
            {
                continue;
            }

            choices.Add((title, value));
        }

        return choices;
    }

    private static bool CanBeQuickReplies(List<(string Title, string Value)> choices) =>
        choices.Count <= MaxQuickReplies
        && choices.TrueForAll(c => c.Title.Length <= MaxQuickReplyTitle && c.Value.Length <= MaxPayloadLength);

    private static string Numbered(string? text, List<(string Title, string Value)> choices)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < choices.Count; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i].Title);
        }

        return builder.ToString();
    }

    private static List<string> ImagesOf(Activity activity)
    {
        var urls = new List<string>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (urls.Count == MaxImages)
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
