using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Inbound activities waiting for their turn, one conversation at a time and in arrival order. Conversations are
/// spread over <see cref="TurnOptions.Partitions"/> queues by a stable hash of their key, so each partition's
/// worker sees every turn of its conversations and no other worker does. The inbox adds what it stored; each
/// worker takes batches across its conversations.
/// </summary>
internal sealed class TurnScheduler
{
    private readonly KeyedWorkQueue<InboundWork>[] _queues;
    private readonly HashSet<long> _known = [];
    private readonly object _gate = new();

    public TurnScheduler(IOptions<TurnOptions> options, IOptions<StorageOptions> storage)
    {
        _queues = new KeyedWorkQueue<InboundWork>[options.Value.PartitionCount(storage.Value.Provider == StorageProvider.Sqlite)];
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i] = new KeyedWorkQueue<InboundWork>();
        }
    }

    public int Partitions => _queues.Length;

    public int Pending => _queues.Sum(q => q.Count);

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

        QueueOf(work.ConversationKey).Enqueue(work.ConversationKey, work);
    }

    public Task<List<KeyValuePair<string, InboundWork>>> TakeAsync(int partition, int max, CancellationToken cancellationToken) =>
        _queues[partition].TakeAsync(max, cancellationToken);

    public void Done(InboundWork work)
    {
        lock (_gate)
        {
            _known.Remove(work.Id);
        }

        QueueOf(work.ConversationKey).Complete(work.ConversationKey);
    }

    /// <summary>The turn failed and will be tried again: the conversation's later activities keep waiting behind it.</summary>
    public void TryAgain(InboundWork work) => QueueOf(work.ConversationKey).Release(work.ConversationKey);

    private KeyedWorkQueue<InboundWork> QueueOf(string conversationKey) => _queues[PartitionOf(conversationKey, _queues.Length)];

    /// <summary>A stable hash (FNV-1a over the key's characters), the same in every process.</summary>
    internal static int PartitionOf(string conversationKey, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in conversationKey)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }
}
