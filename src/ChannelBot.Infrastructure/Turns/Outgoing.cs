using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>A batch's replies: the outbox rows and, in the same order, the activities serialized into them.</summary>
internal sealed class Outgoing(int capacity)
{
    public List<OutboxMessageRecord> Rows { get; } = new(capacity);

    public List<Activity> Activities { get; } = new(capacity);

    /// <summary>One pending outbox row per reply of <paramref name="item"/>'s turn, in reply order.</summary>
    public void AddReplies(InboundWork item, IEnumerable<Activity> replies, Guid? caseId, DateTimeOffset now)
    {
        foreach (var reply in replies)
        {
            reply.Timestamp ??= now;
            Activities.Add(reply);
            var row = OutboxRows.Pending(item.ConversationKey, reply.ChannelId ?? item.Activity.ChannelId ?? string.Empty, reply, now, caseId);
            row.InboundId = item.Id;
            Rows.Add(row);
        }
    }

    /// <summary>Rows already written in the batch's transaction by other means (a filed case's receipt): only to be dispatched.</summary>
    public void AddWritten(IEnumerable<(OutboxMessageRecord Row, Activity Activity)> written)
    {
        foreach (var (row, activity) in written)
        {
            Rows.Add(row);
            Activities.Add(activity);
        }
    }
}
