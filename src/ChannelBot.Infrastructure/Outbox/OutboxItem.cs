using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>An outbox row on its way out; <see cref="Attempts"/> counts failed tries so far.</summary>
internal sealed class OutboxItem(long id, string channelId, string conversationKey, string activityJson, int attempts, Activity? activity = null)
{
    private Activity? _activity = activity;

    public long Id { get; } = id;

    public string ChannelId { get; } = channelId;

    public string ConversationKey { get; } = conversationKey;

    public string ActivityJson { get; } = activityJson;

    public int Attempts { get; set; } = attempts;

    /// <summary>Taken over from an instance that is gone: it may have been sent already, though no outcome is recorded.</summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>
    /// The activity to send: the object the turn serialized into <see cref="ActivityJson"/> for the first try
    /// (saves parsing it back), the stored JSON for every later one (so a sender's changes never carry over).
    /// </summary>
    public Activity TakeActivity() => Interlocked.Exchange(ref _activity, null) ?? Schema.ActivityJson.Deserialize(ActivityJson);
}
