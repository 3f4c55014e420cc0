using System.Globalization;
using ChannelBot.Application.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>Reading the log from a watermark: the cached tail (trimmed to its size and bytes), the visible frontier, and which ids were delivered.</summary>
public sealed partial class DirectLineConversation
{
    /// <summary>
    /// The visible activities from slot <paramref name="watermark"/> on, at most <paramref name="max"/> of them, and the
    /// watermark that follows the last one given (the client reads on from there).
    /// </summary>
    public async Task<DirectLineRead> ReadAsync(long watermark, CancellationToken cancellationToken, int max = int.MaxValue)
    {
        watermark = Math.Max(0, watermark);
        max = Math.Max(1, max);
        if (_shared is not null)
        {
            return await ReadSharedAsync(watermark, max, cancellationToken).ConfigureAwait(false);
        }

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
}
