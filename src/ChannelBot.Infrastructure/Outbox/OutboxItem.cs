namespace ChannelBot.Infrastructure.Outbox;

/// <summary>An outbox row on its way out; <see cref="Attempts"/> counts failed tries so far.</summary>
internal sealed class OutboxItem(long id, string channelId, string conversationKey, string activityJson, int attempts)
{
    public long Id { get; } = id;

    public string ChannelId { get; } = channelId;

    public string ConversationKey { get; } = conversationKey;

    public string ActivityJson { get; } = activityJson;

    public int Attempts { get; set; } = attempts;
}
