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
public sealed class DirectLineConversation
{
    /// <summary>Sequences reserved in the store at a time: one write per this many activities.</summary>
    internal const int SequenceBlock = 16;

    private readonly Lock _gate = new();
    private readonly IDirectLineConversationStore _store;
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

    internal DirectLineConversation(IDirectLineConversationStore store, StoredDirectLineConversation stored, IReadOnlyList<StoredDirectLineActivity> tail, int tailSize, DirectLineRateBucket posts, long tailBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(tail);
        _store = store;
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

        await _store.MarkStartedAsync(Id, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Takes the next slot for an activity whose fate is not known yet; its id is <see cref="IdOf"/>.</summary>
    public async Task<long> ReserveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeReserved(out var sequence))
            {
                return sequence;
            }

            await _reserving.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                long through;
                lock (_gate)
                {
                    through = _next < _reserved ? -1 : _next + SequenceBlock;
                }

                if (through > 0)
                {
                    await _store.ReserveThroughAsync(Id, through, cancellationToken).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _reserved = Math.Max(_reserved, through);
                    }
                }
            }
            finally
            {
                _reserving.Release();
            }
        }
    }

    /// <summary>
    /// Settles a reserved slot: the activity (already stamped) becomes visible — stored first — or hidden from
    /// clients. Once the inbox has the activity its echo must appear, so a store failure still makes it visible here
    /// (only a replay after a restart would miss it); the answer is false then.
    /// </summary>
    public async Task<bool> CompleteAsync(long sequence, Activity activity, bool visible, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var stored = true;
        long bytes = 0;
        if (visible)
        {
            var json = ActivityJson.Serialize(activity);
            bytes = json.Length;
            try
            {
                await _store.AppendAsync(Id, new StoredDirectLineActivity(sequence, json, now), CancellationToken.None).ConfigureAwait(false);
                RaiseTo(ref _storedActivityTicks, now.UtcTicks);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                stored = false;
            }
        }

        Settle(sequence, activity, visible ? DirectLineEntryState.Visible : DirectLineEntryState.Hidden, bytes);
        Touch(now);
        return stored;
    }

    /// <summary>Settles a reserved slot whose activity was refused: it is skipped.</summary>
    public void Abandon(long sequence) => Settle(sequence, null, DirectLineEntryState.Abandoned);

    /// <summary>
    /// Appends a bot activity with its id and timestamp stamped here, stored before clients see it. The same outbox
    /// row appended twice (a resend after a crash or a timeout) keeps its first slot and id.
    /// </summary>
    public async Task<string> AppendBotAsync(Activity activity, long outboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (_outboxIds.TryGetValue(outboxId, out var known))
            {
                return known;
            }
        }

        var sequence = await ReserveAsync(cancellationToken).ConfigureAwait(false);
        long storedAs;
        long bytes;
        try
        {
            activity.Id = IdOf(sequence);
            activity.Timestamp = now;
            lock (_gate)
            {
                if (activity.ReplyToId is { } replyTo && !IsDeliveredId(replyTo))
                {
                    // A reply to something the client never sees (the join) would make Web Chat hold it for 5 s.
                    activity.ReplyToId = null;
                }
            }

            var json = ActivityJson.Serialize(activity);
            bytes = json.Length;
            storedAs = await _store.AppendAsync(Id, new StoredDirectLineActivity(sequence, json, now, outboxId), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            Abandon(sequence);
            throw;
        }

        RaiseTo(ref _storedActivityTicks, now.UtcTicks);
        var id = IdOf(storedAs);
        lock (_gate)
        {
            _outboxIds[outboxId] = id;
        }

        if (storedAs == sequence)
        {
            Settle(sequence, activity, DirectLineEntryState.Visible, bytes);
        }
        else
        {
            Abandon(sequence);
        }

        Touch(now);
        return id;
    }

    /// <summary>
    /// The visible activities from slot <paramref name="watermark"/> on, at most <paramref name="max"/> of them, and the
    /// watermark that follows the last one given (the client reads on from there).
    /// </summary>
    public async Task<DirectLineRead> ReadAsync(long watermark, CancellationToken cancellationToken, int max = int.MaxValue)
    {
        watermark = Math.Max(0, watermark);
        max = Math.Max(1, max);
        long floor;
        long visible;
        var cached = new List<(long Sequence, Activity Activity)>();
        lock (_gate)
        {
            floor = _floor;
            visible = _visible;
            for (var index = FirstIndexAtOrAfter(Math.Max(watermark, floor)); index < _tail.Count && cached.Count <= max; index++)
            {
                var entry = _tail[index];
                if (entry.Sequence >= visible)
                {
                    break;
                }

                if (entry.State == DirectLineEntryState.Visible)
                {
                    cached.Add((entry.Sequence, entry.Activity!));
                }
            }
        }

        var activities = new List<(long Sequence, Activity Activity)>();
        if (watermark < floor && watermark < visible)
        {
            // Older than the tail held in memory: the store has it (one page of it).
            var older = await _store.ReadAsync(Id, watermark, Math.Min(floor, visible), max == int.MaxValue ? max : max + 1, cancellationToken).ConfigureAwait(false);
            activities.AddRange(older.Select(stored => (stored.Sequence, ActivityJson.Deserialize(stored.ActivityJson))));
        }

        activities.AddRange(cached);
        if (activities.Count <= max)
        {
            return new DirectLineRead([.. activities.Select(a => a.Activity)], visible);
        }

        return new DirectLineRead([.. activities.Take(max).Select(a => a.Activity)], activities[max].Sequence);
    }

    /// <summary>True when nothing is using the conversation: no socket, no pending slot, and no activity since <paramref name="before"/>.</summary>
    public bool IsInactiveSince(DateTimeOffset before)
    {
        lock (_gate)
        {
            return _sockets.Count == 0 && _next == _visible && LastActivity < before;
        }
    }

    /// <summary>Counts an upload against the conversation's quota (in the store, so it holds across restarts); false when over it.</summary>
    public Task<bool> TryCountUploadsAsync(int files, long bytes, int maxFiles, long maxBytes, CancellationToken cancellationToken) =>
        _store.TryCountUploadsAsync(Id, files, bytes, maxFiles, maxBytes, cancellationToken);

    /// <summary>Writes the last activity time to the store when reads moved it since the last write (the janitor calls it).</summary>
    public async Task SaveLastActivityAsync(CancellationToken cancellationToken)
    {
        var last = Interlocked.Read(ref _lastActivityTicks);
        if (last > Interlocked.Read(ref _storedActivityTicks))
        {
            await _store.TouchAsync(Id, new DateTimeOffset(last, TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
            RaiseTo(ref _storedActivityTicks, last);
        }
    }

    /// <summary>Registers a new WebSocket; past <paramref name="max"/> the oldest is told to close.</summary>
    public CancellationTokenSource OpenSocket(int max)
    {
        var socket = CancellationTokenSource.CreateLinkedTokenSource(_dropped.Token);
        CancellationTokenSource? evicted = null;
        lock (_gate)
        {
            _sockets.AddLast(socket);
            if (_sockets.Count > max)
            {
                evicted = _sockets.First!.Value;
                _sockets.RemoveFirst();
            }
        }

        evicted?.Cancel();
        return socket;
    }

    public void CloseSocket(CancellationTokenSource socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        lock (_gate)
        {
            _sockets.Remove(socket);
        }

        socket.Dispose();
    }

    /// <summary>The conversation is being forgotten: sockets close and waiters wake.</summary>
    public void Drop()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            signal = _changed;
            _changed = NewSignal();
        }

        _dropped.Cancel();
        signal.TrySetResult();
    }

    private bool TryTakeReserved(out long sequence)
    {
        lock (_gate)
        {
            if (_next < _reserved)
            {
                sequence = _next++;
                _tail.Add(new DirectLineLogEntry(sequence, DirectLineEntryState.Pending));
                return true;
            }
        }

        sequence = -1;
        return false;
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

    /// <summary>Under the lock: moves the visible end up to the first pending slot (or the end).</summary>
    private void AdvanceVisible()
    {
        for (var index = FirstIndexAtOrAfter(_visible); index < _tail.Count; index++)
        {
            if (_tail[index].State == DirectLineEntryState.Pending)
            {
                _visible = _tail[index].Sequence;
                return;
            }
        }

        _visible = _next;
    }

    /// <summary>Under the lock: forgets the oldest settled slots beyond the tail's size or bytes (the store keeps them).</summary>
    private void Trim()
    {
        var excess = 0;
        var bytes = _tailBytes;
        while ((_tail.Count - excess > _tailSize || bytes > _tailBytesLimit) && excess < _tail.Count && _tail[excess].Sequence < _visible)
        {
            bytes -= _tail[excess].Bytes;
            excess++;
        }

        if (excess > 0)
        {
            _floor = _tail[excess - 1].Sequence + 1;
            _tail.RemoveRange(0, excess);
            _tailBytes = bytes;
        }
    }

    /// <summary>Under the lock: the index of the first slot in the tail at or after <paramref name="sequence"/>.</summary>
    private int FirstIndexAtOrAfter(long sequence)
    {
        int low = 0, high = _tail.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_tail[middle].Sequence < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Under the lock: whether the id is one of this conversation's slots that clients see (or will).</summary>
    private bool IsDeliveredId(string id)
    {
        var prefix = Id + "|";
        if (!id.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        var index = FirstIndexAtOrAfter(sequence);
        return index < _tail.Count
            && _tail[index].Sequence == sequence
            && _tail[index].State is DirectLineEntryState.Visible or DirectLineEntryState.Pending;
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
