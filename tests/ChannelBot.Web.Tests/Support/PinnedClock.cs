using System.Diagnostics;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// The clock every app under test runs on unless a test brings its own: it starts at a fixed instant and moves
/// on with real time (timers and delays are real), so a test sees the same hour of the day whenever the suite
/// runs — never the quiet hours by accident, never a different date.
/// </summary>
public sealed class PinnedClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Wednesday 17 June 2026, 12:00 in the sample city (America/New_York): a working day, mid-day.</summary>
    public static readonly DateTimeOffset Default = new(2026, 6, 17, 12, 0, 0, TimeSpan.FromHours(-4));

    /// <summary>
    /// Sunday 21 June 2026, 23:00 in the sample city: outside its staffed hours (dialogs/city.yaml), so no resident is
    /// put in line for an operator, and the bot answers every message itself.
    /// </summary>
    public static readonly DateTimeOffset OutsideStaffedHours = new(2026, 6, 21, 23, 0, 0, TimeSpan.FromHours(-4));

    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_started);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
