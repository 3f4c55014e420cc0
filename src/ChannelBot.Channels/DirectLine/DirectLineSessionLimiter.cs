using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>The rate limit on <c>POST /api/chat/session</c>, per client address (after forwarded headers).</summary>
public sealed class DirectLineSessionLimiter(IOptions<DirectLineOptions> options)
{
    private const int MaxTrackedClients = 100_000;

    private readonly ConcurrentDictionary<string, DirectLineRateBucket> _buckets = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public bool TryTake(string client, DateTimeOffset now, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_buckets.Count >= MaxTrackedClients && !_buckets.ContainsKey(client))
        {
            Forget(now);
        }

        var bucket = _buckets.GetOrAdd(client, _ => new DirectLineRateBucket(_options.SessionBurst, _options.SessionsPerMinute, now));
        return bucket.TryTake(now, out retryAfter);
    }

    /// <summary>Forgets clients whose bucket has refilled (they are back where a new client starts).</summary>
    public void Forget(DateTimeOffset now)
    {
        foreach (var (client, bucket) in _buckets)
        {
            if (bucket.IsFull(now))
            {
                _buckets.TryRemove(client, out _);
            }
        }
    }
}
