using System.Collections.Concurrent;
using ChannelBot.Application.DirectLine;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Conversations and their logs in dictionaries: for hosts without storage (the channel's own tests). A restart ends
/// every web conversation (clients get 404 and start a new one). The application registers the database store.
/// </summary>
internal sealed class InMemoryDirectLineConversationStore : IDirectLineConversationStore
{
    private readonly ConcurrentDictionary<string, Entry> _conversations = new(StringComparer.Ordinal);

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(_conversations.Count);

    public Task AddAsync(StoredDirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!_conversations.TryAdd(conversation.Id, new Entry(conversation)))
        {
            throw new InvalidOperationException("A conversation with this id already exists.");
        }

        return Task.CompletedTask;
    }

    public Task<StoredDirectLineConversationWithTail?> FindAsync(string conversationId, int tail, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<StoredDirectLineConversationWithTail?>(null);
        }

        lock (entry)
        {
            var activities = entry.Activities.Values.Skip(Math.Max(0, entry.Activities.Count - tail)).ToList();
            return Task.FromResult<StoredDirectLineConversationWithTail?>(new StoredDirectLineConversationWithTail(entry.Conversation, activities));
        }
    }

    public Task MarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        Update(conversationId, c => c with { Started = true });

    public Task ReserveThroughAsync(string conversationId, long nextSequence, CancellationToken cancellationToken) =>
        Update(conversationId, c => c with { NextSequence = Math.Max(c.NextSequence, nextSequence) });

    public Task<long> AppendAsync(string conversationId, StoredDirectLineActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var entry = Get(conversationId);
        lock (entry)
        {
            if (activity.OutboxId is { } outboxId && entry.Activities.Values.FirstOrDefault(a => a.OutboxId == outboxId) is { } first)
            {
                return Task.FromResult(first.Sequence);
            }

            if (!entry.Activities.TryAdd(activity.Sequence, activity))
            {
                throw new InvalidOperationException($"Sequence {activity.Sequence} is already stored.");
            }

            if (activity.CreatedAt > entry.Conversation.LastActiveAt)
            {
                entry.Conversation = entry.Conversation with { LastActiveAt = activity.CreatedAt };
            }

            return Task.FromResult(activity.Sequence);
        }
    }

    public Task<IReadOnlyList<StoredDirectLineActivity>> ReadAsync(string conversationId, long fromSequence, long toSequence, int limit, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult<IReadOnlyList<StoredDirectLineActivity>>([]);
        }

        lock (entry)
        {
            IReadOnlyList<StoredDirectLineActivity> read = entry.Activities.Values.Where(a => a.Sequence >= fromSequence && a.Sequence < toSequence).OrderBy(a => a.Sequence).Take(limit).ToList();
            return Task.FromResult(read);
        }
    }

    public Task<bool> TryCountUploadsAsync(string conversationId, int files, long bytes, int maxFiles, long maxBytes, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return Task.FromResult(false);
        }

        lock (entry)
        {
            if (entry.UploadCount + files > maxFiles || entry.UploadBytes + bytes > maxBytes)
            {
                return Task.FromResult(false);
            }

            entry.UploadCount += files;
            entry.UploadBytes += bytes;
            return Task.FromResult(true);
        }
    }

    public Task TouchAsync(string conversationId, DateTimeOffset lastActiveAt, CancellationToken cancellationToken) =>
        Update(conversationId, c => lastActiveAt > c.LastActiveAt ? c with { LastActiveAt = lastActiveAt } : c, missingIsFine: true);

    public Task<IReadOnlyList<string>> DeleteIdleAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        foreach (var (id, entry) in _conversations)
        {
            bool idle;
            lock (entry)
            {
                idle = entry.Conversation.LastActiveAt < idleBefore;
            }

            if (idle && _conversations.TryRemove(id, out _))
            {
                deleted.Add(id);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(deleted);
    }

    private Entry Get(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var entry)
            ? entry
            : throw new InvalidOperationException("No such conversation (it was dropped).");

    private Task Update(string conversationId, Func<StoredDirectLineConversation, StoredDirectLineConversation> change, bool missingIsFine = false)
    {
        if (!_conversations.TryGetValue(conversationId, out var entry))
        {
            return missingIsFine ? Task.CompletedTask : throw new InvalidOperationException("No such conversation (it was dropped).");
        }

        lock (entry)
        {
            entry.Conversation = change(entry.Conversation);
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(StoredDirectLineConversation conversation)
    {
        public StoredDirectLineConversation Conversation { get; set; } = conversation;

        public SortedList<long, StoredDirectLineActivity> Activities { get; } = [];

        public int UploadCount { get; set; }

        public long UploadBytes { get; set; }
    }
}
