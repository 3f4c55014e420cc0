using System.Text.Json;
using ChannelBot.Application.DirectLine;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>
/// PostgreSQL's shared log in memory, for one conversation: positions handed out in append order, ids reserved in
/// blocks from one counter, every append written to the store (readers read it there) and announced.
/// </summary>
internal sealed class InMemorySharedLog(IDirectLineConversationStore store) : IDirectLineSharedLog
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _order = [];
    private long _reserved;
    private long _position;
    private int _started;

    public event Action<string?>? Appended;

    /// <summary>The ids appended, in position order.</summary>
    public IReadOnlyList<string> Order
    {
        get
        {
            lock (_order)
            {
                return [.. _order];
            }
        }
    }

    public Task<long> ReserveAsync(string conversationId, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Add(ref _reserved, count));

    public async Task<SharedLogAppend> AppendAsync(string conversationId, string activityId, StoredDirectLineActivity activity, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stored = await store.ReadAsync(conversationId, 0, long.MaxValue, int.MaxValue, cancellationToken);
            if (activity.OutboxId is { } outboxId && stored.FirstOrDefault(a => a.OutboxId == outboxId) is { } first)
            {
                using var json = JsonDocument.Parse(first.ActivityJson);
                return new SharedLogAppend(first.Sequence, json.RootElement.GetProperty("id").GetString()!);
            }

            var position = ++_position;
            await store.AppendAsync(conversationId, activity with { Sequence = position }, cancellationToken);
            lock (_order)
            {
                _order.Add(activityId);
            }

            Appended?.Invoke(conversationId);
            return new SharedLogAppend(position, activityId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<bool> MarkStartedAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Exchange(ref _started, 1) == 0);
}
