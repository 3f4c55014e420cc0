using ChannelBot.Infrastructure.Pipeline;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Inbound activities waiting for their turn, one conversation at a time and in arrival order. The inbox adds
/// what it stored; the turn worker takes batches across conversations.
/// </summary>
internal sealed class TurnScheduler
{
    private readonly KeyedWorkQueue<InboundWork> _queue = new();
    private readonly HashSet<long> _known = [];
    private readonly object _gate = new();

    public int Pending => _queue.Count;

    /// <summary>Adds a stored inbound activity; one already waiting (by id) is not added twice.</summary>
    public void Schedule(InboundWork work)
    {
        lock (_gate)
        {
            if (!_known.Add(work.Id))
            {
                return;
            }
        }

        _queue.Enqueue(work.ConversationKey, work);
    }

    public Task<List<KeyValuePair<string, InboundWork>>> TakeAsync(int max, CancellationToken cancellationToken) =>
        _queue.TakeAsync(max, cancellationToken);

    public void Done(InboundWork work)
    {
        lock (_gate)
        {
            _known.Remove(work.Id);
        }

        _queue.Complete(work.ConversationKey);
    }

    /// <summary>The turn failed and will be tried again: the conversation's later activities keep waiting behind it.</summary>
    public void TryAgain(InboundWork work) => _queue.Release(work.ConversationKey);
}
