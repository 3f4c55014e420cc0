using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Turns what a client posts into the activity the bot and the echo carry: the server's id and UTC timestamp,
/// channel <c>directline</c>, the conversation, the resident as <c>from</c> (with a token, always the user the
/// token is bound to) and the bot as <c>recipient</c>. Everything else (text, attachments, <c>channelData</c> with
/// its <c>clientActivityID</c>, <c>value</c>, locale, entities, unknown fields) is kept as sent.
/// </summary>
internal static class DirectLineActivityMapper
{
    private static readonly HashSet<string> ForwardedTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
        ActivityTypes.ConversationUpdate,
    };

    /// <summary>True for types the bot is given; the rest (typing, reactions, unknown types) are only echoed.</summary>
    public static bool IsForwarded(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type is not null && ForwardedTypes.Contains(activity.Type);
    }

    /// <summary>Direct Line never delivers conversationUpdate to clients.</summary>
    public static bool IsDelivered(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return !activity.IsType(ActivityTypes.ConversationUpdate);
    }

    public static void Stamp(Activity activity, DirectLineConversation conversation, DirectLineCaller caller, DirectLineOptions options, string id, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(options);

        var fromId = caller.WithSecret && !string.IsNullOrWhiteSpace(activity.From?.Id) ? activity.From!.Id : conversation.UserId;
        activity.Id = id;
        activity.Timestamp = now.ToUniversalTime();
        activity.ChannelId = ChannelIds.DirectLine;
        activity.ServiceUrl = null;
        activity.CallerId = null;
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.From = new ChannelAccount
        {
            Id = fromId,
            Name = activity.From?.Name ?? caller.UserName ?? conversation.UserName,
            Role = RoleTypes.User,
        };
        activity.Recipient = new ChannelAccount { Id = options.BotId, Name = options.BotName, Role = RoleTypes.Bot };
    }

    /// <summary>The conversationUpdate the bot gets when a client starts the conversation: the resident joined.</summary>
    public static Activity Join(DirectLineConversation conversation, string? locale)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Locale = string.IsNullOrWhiteSpace(locale) ? null : locale,
            MembersAdded = [new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName }],
        };
    }
}
