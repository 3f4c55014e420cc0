namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// The last committed state of recently active conversations, so a turn need not read its conversation back
/// from the database. Only the turn worker uses it (one thread at a time) and only after a commit does it
/// change, so an entry is exactly what this process last wrote. Anyone else who changes a conversation (a
/// staff status change asking "Is it fixed?", another instance) raises its version: the turn's
/// <c>UPDATE … WHERE "Version" = @cached</c> then matches no row, the batch rolls back, the entry is dropped
/// and the turn is run again from the stored row. Bounded: when full, the oldest half is dropped (10,000
/// conversations of a few KB each: tens of MB at most; a conversation not in it is simply read).
/// </summary>
internal sealed class ConversationCache(int capacity = ConversationCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<string, CachedConversation> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _entries.Count;

    public bool TryGet(string key, out CachedConversation conversation) => _entries.TryGetValue(key, out conversation!);

    public void Set(string key, CachedConversation conversation)
    {
        if (_entries.TryAdd(key, conversation))
        {
            _order.Enqueue(key);
            if (_entries.Count > capacity)
            {
                Trim();
            }
            else if (_order.Count > 2 * capacity)
            {
                // Keys removed and added again are queued more than once: keep the queue bounded too.
                Rebuild();
            }

            return;
        }

        _entries[key] = conversation;
    }

    public void Remove(string key) => _entries.Remove(key);

    private void Trim()
    {
        // Keys removed earlier may still be queued; they are skipped here.
        while (_entries.Count > capacity / 2 && _order.TryDequeue(out var oldest))
        {
            _entries.Remove(oldest);
        }

        if (_order.Count > 2 * capacity)
        {
            Rebuild();
        }
    }

    private void Rebuild()
    {
        _order.Clear();
        foreach (var key in _entries.Keys)
        {
            _order.Enqueue(key);
        }
    }
}
