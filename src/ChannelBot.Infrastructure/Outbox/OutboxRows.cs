using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>
/// The one way an outbox row is made: every reply of a turn, every notification, every consent confirmation and every
/// resend is a pending row built here (a notification that cannot go is a row already failed, for staff to see).
/// The callers still write the rows in their own transaction and then hand them to the dispatcher.
/// </summary>
internal static class OutboxRows
{
    /// <summary>A message to send on <paramref name="channelId"/> at <paramref name="sendAt"/> (default: at once).</summary>
    public static OutboxMessageRecord Pending(string conversationKey, string channelId, Activity activity, DateTimeOffset now, Guid? caseId = null, DateTimeOffset? sendAt = null) => new()
    {
        ConversationKey = conversationKey,
        ChannelId = channelId,
        ActivityJson = ActivityJson.Serialize(activity),
        CreatedAt = now,
        NextAttemptAt = sendAt ?? now,
        Status = OutboxStatus.Pending,
        CaseId = caseId,
    };

    /// <summary>A message that could not be sent to anyone, kept on the case with the reason; never sent.</summary>
    public static OutboxMessageRecord NeverSent(string conversationKey, string channelId, Activity activity, DateTimeOffset now, Guid? caseId, string reason) => new()
    {
        ConversationKey = conversationKey,
        ChannelId = channelId,
        ActivityJson = ActivityJson.Serialize(activity),
        CreatedAt = now,
        NextAttemptAt = now,
        Status = OutboxStatus.Failed,
        LastError = reason,
        CaseId = caseId,
    };
}
