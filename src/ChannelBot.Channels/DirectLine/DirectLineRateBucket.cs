namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// A token bucket on the <see cref="TimeProvider"/>'s clock: <c>burst</c> requests at once, then <c>perMinute</c>.
/// Thread-safe. The limit is per conversation (posts) or per client address (sessions).
/// </summary>
public sealed class DirectLineRateBucket
{
    private readonly Lock _gate = new();
    private readonly int _burst;
    private readonly double _perMinute;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    /// <param name="perMinute">Requests regained per minute (a fraction for slow buckets: 200 a day is 200 / 1440).</param>
    public DirectLineRateBucket(int burst, double perMinute, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        _burst = burst;
        _perMinute = perMinute;
        _tokens = burst;
        _refilledAt = now;
    }

    /// <summary>True when the bucket was full at <paramref name="now"/> (nothing spent): safe to forget.</summary>
    public bool IsFull(DateTimeOffset now)
    {
        lock (_gate)
        {
            Refill(now);
            return _tokens >= _burst;
        }
    }

    /// <summary>Spends one request; false with the wait until the next one is allowed.</summary>
    public bool TryTake(DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            Refill(now);
            if (_tokens >= 1)
            {
                _tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromMinutes((1 - _tokens) / _perMinute);
            return false;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        var elapsed = now - _refilledAt;
        if (elapsed > TimeSpan.Zero)
        {
            _tokens = Math.Min(_burst, _tokens + (elapsed.TotalMinutes * _perMinute));
            _refilledAt = now;
        }
    }
}
