using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// What one inbound activity may carry, decided once for every channel: the text is cut at the channel's own
/// real limit (a longer one is forged or broken, and nothing downstream should pay for it), and ids must fit the
/// columns that key them. Applied by the inbox to everything it stores, and by a channel that also keeps the
/// activity itself (the Direct Line log) before it does.
/// </summary>
public static class InboundLimits
{
    /// <summary>Twilio's longest SMS body (10 segments).</summary>
    public const int SmsText = 1_600;

    /// <summary>WhatsApp's longest text message.</summary>
    public const int WhatsAppText = 4_096;

    /// <summary>Messenger's longest text message.</summary>
    public const int MessengerText = 2_000;

    /// <summary>Web chat, the Emulator and Azure Bot Service channels: more than any resident types into a chat box.</summary>
    public const int ChatText = 4_000;

    /// <summary>Longest channel id.</summary>
    public const int ChannelIdLength = 64;

    /// <summary>Longest conversation id (with the channel id, it must fit the conversation key column of 300).</summary>
    public const int ConversationIdLength = 200;

    /// <summary>Longest activity id (the provider's message id).</summary>
    public const int ActivityIdLength = 256;

    /// <summary>Longest sender id (a phone number, a PSID, a Direct Line user id).</summary>
    public const int FromIdLength = 256;

    /// <summary>Most attachments one activity may carry (a resident sends a few photos; MMS allows 10).</summary>
    public const int Attachments = 10;

    public static int TextLimitOf(string? channelId) => channelId switch
    {
        ChannelIds.Sms => SmsText,
        ChannelIds.WhatsApp => WhatsAppText,
        ChannelIds.Facebook => MessengerText,
        _ => ChatText,
    };

    /// <summary>Why the activity cannot be stored (an id too long to key), or null when it fits.</summary>
    public static string? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TooLong(activity.ChannelId, ChannelIdLength, "channelId")
            ?? TooLong(activity.Conversation?.Id, ConversationIdLength, "conversation.id")
            ?? TooLong(activity.Id, ActivityIdLength, "id")
            ?? TooLong(activity.From?.Id, FromIdLength, "from.id");
    }

    /// <summary>Cuts the text to the channel's limit and keeps the first <see cref="Attachments"/> attachments.</summary>
    public static void Apply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var limit = TextLimitOf(activity.ChannelId);
        if (activity.Text is { } text && text.Length > limit)
        {
            activity.Text = text[..(char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit)];
        }

        if (activity.Attachments is { Count: > Attachments } attachments)
        {
            attachments.RemoveRange(Attachments, attachments.Count - Attachments);
        }
    }

    private static string? TooLong(string? value, int limit, string field) =>
        value is not null && value.Length > limit ? $"{field} is longer than {limit} characters" : null;
}
