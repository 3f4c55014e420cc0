using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>A batch's replies: the outbox rows and, in the same order, the activities serialized into them.</summary>
internal sealed class Outgoing(int capacity)
{
    public List<OutboxMessageRecord> Rows { get; } = new(capacity);

    public List<Activity> Activities { get; } = new(capacity);
}
