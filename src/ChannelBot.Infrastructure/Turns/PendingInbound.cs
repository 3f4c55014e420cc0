using ChannelBot.Application.Conversations;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>An inbound activity on its way into the inbox, and the ingress request waiting for it to be durable.</summary>
internal sealed class PendingInbound(Activity activity, string channelId, string activityId, string conversationKey, string json)
{
    public Activity Activity { get; } = activity;

    public string ChannelId { get; } = channelId;

    public string ActivityId { get; } = activityId;

    public string ConversationKey { get; } = conversationKey;

    public string Json { get; } = json;

    public long? StoredId { get; set; }

    public bool Duplicate { get; set; }

    public TaskCompletionSource<InboundAcceptance> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
