using System.Globalization;
using ChannelBot.Application.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>The conversation's lifetime: open WebSockets, upload counts, idleness and its last activity saved, and dropping it.</summary>
public sealed partial class DirectLineConversation
{
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
}
