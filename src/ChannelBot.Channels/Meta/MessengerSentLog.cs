using System.Collections.Concurrent;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// The message ids we recently sent to each resident, with when we asked Meta to send them. A read receipt (and
/// a delivery receipt without <c>mids</c>) names only a watermark: every message before it. This is how such a
/// receipt finds its messages. In memory and bounded (<see cref="MaxPerResident"/> messages per resident,
/// <see cref="MaxResidents"/> residents): a receipt for messages it no longer knows is simply not recorded.
/// </summary>
public sealed class MessengerSentLog
{
    public const int MaxPerResident = 32;

    public const int MaxResidents = 50_000;

    /// <summary>Clocks differ: a message asked for up to this long after the watermark still counts as before it.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, List<Sent>> _sent = new(StringComparer.Ordinal);

    /// <summary>Records a message we sent; <paramref name="requestedAt"/> is when the send was asked (before Meta stamped it).</summary>
    public void Record(string psid, string mid, DateTimeOffset requestedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        ArgumentException.ThrowIfNullOrEmpty(mid);
        if (_sent.Count >= MaxResidents && !_sent.ContainsKey(psid))
        {
            var oldest = _sent.OrderBy(p => Latest(p.Value)).Select(p => p.Key).FirstOrDefault();
            if (oldest is not null)
            {
                _sent.TryRemove(oldest, out _);
            }
        }

        var list = _sent.GetOrAdd(psid, static _ => []);
        lock (list)
        {
            list.Add(new Sent(mid, requestedAt));
            if (list.Count > MaxPerResident)
            {
                list.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// The messages to <paramref name="psid"/> sent before <paramref name="watermark"/> that have not yet been
    /// reported at <paramref name="status"/> (see <see cref="Mark"/>).
    /// </summary>
    public IReadOnlyList<string> Before(string psid, DateTimeOffset watermark, MessengerReceipt status)
    {
        if (!_sent.TryGetValue(psid, out var list))
        {
            return [];
        }

        lock (list)
        {
            return list.Where(s => s.RequestedAt <= watermark + Skew && s.Reported < status).Select(s => s.Mid).ToList();
        }
    }

    /// <summary>Notes that <paramref name="mid"/> was reported at <paramref name="status"/>, so a later receipt does not report it again.</summary>
    public void Mark(string psid, string mid, MessengerReceipt status)
    {
        if (!_sent.TryGetValue(psid, out var list))
        {
            return;
        }

        lock (list)
        {
            var i = list.FindIndex(s => string.Equals(s.Mid, mid, StringComparison.Ordinal));
            if (i >= 0 && list[i].Reported < status)
            {
                list[i] = list[i] with { Reported = status };
            }
        }
    }

    private static DateTimeOffset Latest(List<Sent> list)
    {
        lock (list)
        {
            return list.Count == 0 ? DateTimeOffset.MinValue : list[^1].RequestedAt;
        }
    }

    private readonly record struct Sent(string Mid, DateTimeOffset RequestedAt, MessengerReceipt Reported = MessengerReceipt.None);
}
