using System.Globalization;
using ChannelBot.Application.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The live side of one Direct Line conversation: who it belongs to, the tail of its log in memory, its sockets and
/// waiting readers. The log itself is written through to <see cref="IDirectLineConversationStore"/>, the truth, so a
/// restart loses nothing a client has seen.
/// <para>
/// Every activity has a slot, its sequence, and the server id <c>{conversationId}|{sequence:0000000}</c>; the
/// watermark is the sequence a client has read up to. A resident's activity takes its slot before the inbox stores it,
/// and nothing after a pending slot is visible until that slot is settled, so a reader can never skip past an activity
/// that appears later: no activity is delivered twice and none goes missing. Sequences are reserved in the store in
/// blocks before they are handed out, so an id the inbox has seen is never given to another activity, even after a
/// crash (the log then has a gap, which readers skip). Readers wait on <see cref="Changed"/>.
/// </para>
/// </summary>
public sealed partial class DirectLineConversation
{
    /// <summary>Sequences reserved in the store at a time: one write per this many activities.</summary>
    internal const int SequenceBlock = 16;

    private readonly Lock _gate = new();
    private readonly IDirectLineConversationStore _store;
    private readonly IDirectLineSharedLog? _shared;
    private readonly int _tailSize;
    private readonly long _tailBytesLimit;
    private long _tailBytes;
    private readonly List<DirectLineLogEntry> _tail = [];
    private readonly Dictionary<long, string> _outboxIds = [];
    private readonly SemaphoreSlim _reserving = new(1, 1);
    private readonly LinkedList<CancellationTokenSource> _sockets = new();
    private readonly CancellationTokenSource _dropped = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _next;
    private long _reserved;
    private long _visible;
    private long _floor;
    private long _lastActivityTicks;
    private long _storedActivityTicks;
    private int _started;

    /// <param name="shared">
    /// The log shared with other instances (PostgreSQL), or null when this process alone serves the conversation: then the
    /// tail in memory is the log's live end. With it, the log is read from the store by position and appended to in the
    /// order of this process's slots; the slots here only order this process's own appends (a post's echo before the
    /// replies to it), and the tail is empty.
    /// </param>
    internal DirectLineConversation(IDirectLineConversationStore store, StoredDirectLineConversation stored, IReadOnlyList<StoredDirectLineActivity> tail, int tailSize, DirectLineRateBucket posts, long tailBytes = long.MaxValue, IDirectLineSharedLog? shared = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(tail);
        _store = store;
        _shared = shared;
        _tailSize = Math.Max(1, tailSize);
        _tailBytesLimit = Math.Max(1, tailBytes);
        Posts = posts;
        Id = stored.Id;
        UserId = stored.UserId;
        UserName = stored.UserName;
        CreatedAt = stored.CreatedAt;
        _started = stored.Started ? 1 : 0;
        _lastActivityTicks = _storedActivityTicks = stored.LastActiveAt.UtcTicks;

        // Whatever was pending when the process stopped never became visible: the log resumes after the high-water mark.
        _next = _reserved = _visible = stored.NextSequence;
        _floor = tail.Count < tailSize || tail.Count == 0 ? 0 : tail[0].Sequence;
        foreach (var activity in tail)
        {
            _tail.Add(new DirectLineLogEntry(activity.Sequence, DirectLineEntryState.Visible) { Activity = ActivityJson.Deserialize(activity.ActivityJson), Bytes = activity.ActivityJson.Length });
            _tailBytes += activity.ActivityJson.Length;
            if (activity.OutboxId is { } outboxId)
            {
                _outboxIds[outboxId] = IdOf(activity.Sequence);
            }
        }

        Trim();
    }

    public string Id { get; }

    /// <summary>The resident's user id: every token of this conversation is bound to it.</summary>
    public string UserId { get; }

    public string? UserName { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The rate limit on the resident's posts (activities and uploads).</summary>
    public DirectLineRateBucket Posts { get; }

    /// <summary>True once a client has started it (the bot was told the resident joined).</summary>
    public bool Started => Volatile.Read(ref _started) == 1;

    /// <summary>The last time anything was posted, appended, started or read.</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Log slots taken (visible or not, before a restart too).</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _next;
            }
        }
    }

    /// <summary>Bytes of the log held in memory now (at most <see cref="DirectLineOptions.CachedBytesPerConversation"/> once settled).</summary>
    public long CachedBytes
    {
        get
        {
            lock (_gate)
            {
                return _tailBytes;
            }
        }
    }

    /// <summary>Completes the next time the visible log grows (or the conversation is dropped).</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Cancelled when the conversation is dropped: its sockets close.</summary>
    public CancellationToken Dropped => _dropped.Token;

    public string IdOf(long sequence) => $"{Id}|{sequence.ToString("0000000", CultureInfo.InvariantCulture)}";

    public void Touch(DateTimeOffset now) => RaiseTo(ref _lastActivityTicks, now.UtcTicks);

    /// <summary>Marks the conversation started (in the store too); true only the first time.</summary>
    public async Task<bool> MarkStartedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return false;
        }

        if (_shared is not null)
        {
            // Another instance may have started it since this one loaded it.
            return await _shared.MarkStartedAsync(Id, cancellationToken).ConfigureAwait(false);
        }

        await _store.MarkStartedAsync(Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Wakes the conversation's sockets and waiters: the shared log grew (on another instance, perhaps).</summary>
    public void Wake()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private void Settle(long sequence, Activity? activity, DirectLineEntryState state, long bytes = 0)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            var index = FirstIndexAtOrAfter(sequence);
            if (index >= _tail.Count || _tail[index].Sequence != sequence || _tail[index].State != DirectLineEntryState.Pending)
            {
                throw new InvalidOperationException($"Slot {sequence} of the conversation is not pending.");
            }

            _tail[index].Activity = activity;
            _tail[index].State = state;
            _tail[index].Bytes = bytes;
            _tailBytes += bytes;
            AdvanceVisible();
            Trim();
            signal = _changed;
            _changed = NewSignal();
        }

        signal.TrySetResult();
    }

    private static void RaiseTo(ref long field, long ticks)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref field);
            if (seen >= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref field, ticks, seen) != seen);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
