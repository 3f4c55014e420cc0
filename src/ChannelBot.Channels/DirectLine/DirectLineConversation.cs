using System.Globalization;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation held in memory: who it belongs to, and its log — every activity in order, each
/// with the server id <c>{conversationId}|{index:0000000}</c>. The watermark is the number of log slots a client
/// has read past. A resident's activity takes its slot before the inbox stores it, and nothing after a pending
/// slot is visible until that slot is settled, so a reader can never skip past an activity that appears later:
/// no activity is delivered twice and none goes missing. Readers wait on <see cref="Changed"/>.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock _gate = new();
    private readonly List<DirectLineLogEntry> _log = [];
    private readonly Dictionary<long, string> _outboxIds = [];
    private readonly LinkedList<CancellationTokenSource> _sockets = new();
    private readonly CancellationTokenSource _dropped = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _visible;
    private long _lastActivityTicks;

    public DirectLineConversation(string id, string userId, string? userName, DateTimeOffset now, DirectLineRateBucket posts)
    {
        Posts = posts;
        Id = id;
        UserId = userId;
        UserName = userName;
        CreatedAt = now;
        _lastActivityTicks = now.UtcTicks;
    }

    public string Id { get; }

    /// <summary>The resident's user id: every token of this conversation is bound to it.</summary>
    public string UserId { get; }

    public string? UserName { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>The rate limit on the resident's posts (activities and uploads).</summary>
    public DirectLineRateBucket Posts { get; }

    /// <summary>True once a client has started it (the bot was told the resident joined).</summary>
    public bool Started { get; private set; }

    /// <summary>The last time anything was posted, appended, started or read.</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Log slots taken (visible or not).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _log.Count;
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

    public string IdOf(int index) => $"{Id}|{index.ToString("0000000", CultureInfo.InvariantCulture)}";

    public void Touch(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastActivityTicks);
            if (seen >= ticks)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastActivityTicks, ticks, seen) != seen);
    }

    /// <summary>Marks the conversation started; true only the first time.</summary>
    public bool MarkStarted()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>Takes the next slot for an activity whose fate is not known yet; its id is <see cref="IdOf"/>.</summary>
    public int Reserve()
    {
        lock (_gate)
        {
            _log.Add(new DirectLineLogEntry(DirectLineEntryState.Pending));
            return _log.Count - 1;
        }
    }

    /// <summary>Settles a reserved slot: the activity (already stamped) becomes visible, or hidden from clients.</summary>
    public void Complete(int index, Activity activity, bool visible)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Settle(index, activity, visible ? DirectLineEntryState.Visible : DirectLineEntryState.Hidden);
    }

    /// <summary>Settles a reserved slot whose activity was refused: it is skipped.</summary>
    public void Abandon(int index) => Settle(index, null, DirectLineEntryState.Abandoned);

    /// <summary>
    /// Appends a bot activity with its id and timestamp stamped here. The same outbox row appended twice (a resend
    /// after a crash) keeps its first slot and id.
    /// </summary>
    public string AppendBot(Activity activity, long outboxId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource signal;
        string id;
        lock (_gate)
        {
            if (_outboxIds.TryGetValue(outboxId, out var existing))
            {
                return existing;
            }

            var index = _log.Count;
            id = IdOf(index);
            activity.Id = id;
            activity.Timestamp = now;
            if (activity.ReplyToId is { } replyTo && !IsDeliveredId(replyTo))
            {
                // A reply to something the client never sees (the join) would make Web Chat hold it for 5 s.
                activity.ReplyToId = null;
            }

            _log.Add(new DirectLineLogEntry(DirectLineEntryState.Visible) { Activity = activity });
            _outboxIds[outboxId] = id;
            signal = AdvanceVisible();
        }

        Touch(now);
        signal.TrySetResult();
        return id;
    }

    /// <summary>The visible activities from slot <paramref name="watermark"/> on, and the new watermark.</summary>
    public DirectLineRead Read(int watermark)
    {
        lock (_gate)
        {
            var activities = new List<Activity>();
            for (var index = Math.Max(0, watermark); index < _visible; index++)
            {
                var entry = _log[index];
                if (entry.State == DirectLineEntryState.Visible)
                {
                    activities.Add(entry.Activity!);
                }
            }

            return new DirectLineRead(activities, _visible);
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

    private void Settle(int index, Activity? activity, DirectLineEntryState state)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            var entry = _log[index];
            if (entry.State != DirectLineEntryState.Pending)
            {
                throw new InvalidOperationException($"Slot {index} of the conversation is already settled.");
            }

            entry.Activity = activity;
            entry.State = state;
            signal = AdvanceVisible();
        }

        signal.TrySetResult();
    }

    /// <summary>Under the lock: moves the visible end past settled slots and swaps the signal (set it outside).</summary>
    private TaskCompletionSource AdvanceVisible()
    {
        while (_visible < _log.Count && _log[_visible].State != DirectLineEntryState.Pending)
        {
            _visible++;
        }

        var signal = _changed;
        _changed = NewSignal();
        return signal;
    }

    private bool IsDeliveredId(string id)
    {
        var prefix = Id + "|";
        if (!id.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= _log.Count)
        {
            return false;
        }

        return _log[index].State is DirectLineEntryState.Visible or DirectLineEntryState.Pending;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
