namespace ChannelBot.Infrastructure.Pipeline;

/// <summary>
/// Work grouped by key (a conversation): items of one key are handed out one at a time, in the order they
/// were added; items of different keys are handed out together, so a worker can batch across conversations.
/// A key stays busy from <see cref="TakeAsync"/> until <see cref="Complete"/> (the item is done) or
/// <see cref="Release"/> (the same item is to be offered again).
/// </summary>
internal sealed class KeyedWorkQueue<T>
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Queue<T>> _queues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly Queue<string> _ready = new();
    private TaskCompletionSource _signal = NewSignal();
    private int _count;

    /// <summary>Items waiting or being worked on.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Enqueue(string key, T item)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (!_queues.TryGetValue(key, out var queue))
            {
                queue = new Queue<T>();
                _queues[key] = queue;
            }

            queue.Enqueue(item);
            _count++;
            if (queue.Count == 1 && !_busy.Contains(key))
            {
                _ready.Enqueue(key);
                wake = _signal;
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Waits until at least one key is ready, then takes the head item of up to <paramref name="max"/> ready keys.</summary>
    public async Task<List<KeyValuePair<string, T>>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_ready.Count > 0)
                {
                    var batch = new List<KeyValuePair<string, T>>(Math.Min(max, _ready.Count));
                    while (batch.Count < max && _ready.TryDequeue(out var key))
                    {
                        _busy.Add(key);
                        batch.Add(new(key, _queues[key].Peek()));
                    }

                    return batch;
                }

                if (_signal.Task.IsCompleted)
                {
                    _signal = NewSignal();
                }

                wait = _signal.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The key's head item is done: the next item of the key (if any) becomes ready.</summary>
    public void Complete(string key) => Finish(key, dequeue: true);

    /// <summary>The key's head item was not done: offer it again (after a back-off the caller waited out).</summary>
    public void Release(string key) => Finish(key, dequeue: false);

    private void Finish(string key, bool dequeue)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (!_busy.Remove(key) || !_queues.TryGetValue(key, out var queue))
            {
                return;
            }

            if (dequeue)
            {
                queue.Dequeue();
                _count--;
            }

            if (queue.Count == 0)
            {
                _queues.Remove(key);
                return;
            }

            _ready.Enqueue(key);
            wake = _signal;
        }

        wake?.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
