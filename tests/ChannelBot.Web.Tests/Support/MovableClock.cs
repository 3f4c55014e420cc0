using System.Diagnostics;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// A <see cref="PinnedClock"/> a test can move: time flows from where it was last set, like the real one (timers and
/// delays stay real), so a test can play the same app at noon and then at night.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _from = start.ToUniversalTime();
    private long _since = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _from + Stopwatch.GetElapsedTime(_since);
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Time goes on from <paramref name="instant"/>.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            _from = instant.ToUniversalTime();
            _since = Stopwatch.GetTimestamp();
        }
    }
}
