using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// Where every channel's ingress hands an inbound activity after verifying it. The task completes only once
/// the activity is durable (so the channel may acknowledge); the turn runs afterwards, in order per
/// conversation. A second activity with the same channel id and activity id is reported as a duplicate and
/// dropped.
/// </summary>
public interface IInboundActivitySink
{
    /// <param name="activity">A verified activity with <c>channelId</c>, <c>conversation.id</c> and <c>id</c> set.</param>
    Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken);
}
