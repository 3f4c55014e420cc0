using System.Collections.Concurrent;
using System.Net;
using ChannelBot.Channels.Common;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The limits on <c>POST /api/chat/session</c>, per client network (<see cref="ClientNetwork"/>, after forwarded
/// headers): a burst and a rate per minute, and a number per day, so that no single network can fill the stored
/// conversations.
/// </summary>
internal sealed class DirectLineSessionLimiter(IOptions<DirectLineOptions> options)
{
    private const int MaxTrackedClients = 100_000;
    private const double MinutesPerDay = 24 * 60;

    private readonly ConcurrentDictionary<string, (DirectLineRateBucket Minute, DirectLineRateBucket Day)> _buckets = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public bool TryTake(IPAddress? client, DateTimeOffset now, out TimeSpan retryAfter)
    {
        var network = ClientNetwork.Of(client);
        if (_buckets.Count >= MaxTrackedClients && !_buckets.ContainsKey(network))
        {
            Forget(now);
        }

        var (minute, day) = _buckets.GetOrAdd(network, _ => (
            new DirectLineRateBucket(_options.SessionBurst, _options.SessionsPerMinute, now),
            new DirectLineRateBucket(_options.SessionsPerDay, _options.SessionsPerDay / MinutesPerDay, now)));
        if (!day.TryTake(now, out retryAfter))
        {
            return false;
        }

        return minute.TryTake(now, out retryAfter);
    }

    /// <summary>Forgets networks whose buckets have refilled (they are back where a new client starts).</summary>
    public void Forget(DateTimeOffset now)
    {
        foreach (var (client, buckets) in _buckets)
        {
            if (buckets.Minute.IsFull(now) && buckets.Day.IsFull(now))
            {
                _buckets.TryRemove(client, out _);
            }
        }
    }
}
