using ChannelBot.Application.Notifications;

namespace ChannelBot.Application.Tests.Notifications;

/// <summary>News that can wait is held through the night, in the city's time zone.</summary>
public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-11-30T14:00:00-05:00", "2026-11-30T14:00:00-05:00")]   // afternoon: at once
    [InlineData("2026-11-30T20:59:00-05:00", "2026-11-30T20:59:00-05:00")]   // just before
    [InlineData("2026-11-30T21:00:00-05:00", "2026-12-01T08:00:00-05:00")]   // from 21:00: next morning
    [InlineData("2026-11-30T23:00:00-05:00", "2026-12-01T08:00:00-05:00")]
    [InlineData("2026-12-01T03:30:00-05:00", "2026-12-01T08:00:00-05:00")]   // after midnight: this morning
    [InlineData("2026-12-01T08:00:00-05:00", "2026-12-01T08:00:00-05:00")]   // the end itself: at once
    public void Night_changes_wait_for_the_morning(string now, string expected)
    {
        var sendAt = QuietHours.Default.SendAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), NewYork);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), sendAt);
    }

    [Fact]
    public void The_morning_after_the_clocks_change_is_08_00_local()
    {
        // 1 November 2026: daylight saving time ends at 02:00 in New York (EDT -4 → EST -5).
        var sendAt = QuietHours.Default.SendAt(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.FromHours(-4)), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(-5)), sendAt);
    }

    [Fact]
    public void Quiet_hours_inside_one_day_work_too()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));

        var sendAt = lunch.SendAt(new DateTimeOffset(2026, 11, 30, 12, 30, 0, TimeSpan.FromHours(-5)), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(-5)), sendAt);
    }

    [Fact]
    public void Equal_start_and_end_means_no_quiet_hours()
    {
        var now = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal(now, QuietHours.None.SendAt(now, NewYork));
    }
}
