using ChannelBot.Domain.Cases;

namespace ChannelBot.Domain.Tests.Cases;

public class ServiceLevelCalculatorTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // January: Eastern Standard Time, UTC-5. 2026-01-05 is a Monday.
    private static DateTimeOffset January(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void Calendar_days_count_every_day()
    {
        var due = ServiceLevelCalculator.DueAt(January(9, 15), new ServiceLevelTarget(3, ServiceDayKind.Calendar), NewYork);

        Assert.Equal(January(12, 15), due);
    }

    [Theory]
    [InlineData(5, 9, 2, 7)] // Monday + 2 → Wednesday
    [InlineData(8, 10, 2, 12)] // Thursday + 2 → Monday
    [InlineData(9, 15, 1, 12)] // Friday + 1 → Monday
    [InlineData(9, 15, 5, 16)] // Friday + 5 → next Friday
    [InlineData(5, 9, 0, 5)] // no days: due at once
    public void Business_days_skip_the_weekend_and_keep_the_time_of_day(int startDay, int hour, int days, int dueDay)
    {
        var due = ServiceLevelCalculator.DueAt(January(startDay, hour), new ServiceLevelTarget(days, ServiceDayKind.Business), NewYork);

        Assert.Equal(January(dueDay, hour), due);
    }

    [Theory]
    [InlineData(10, 1, 13)] // Saturday + 1 → end of Monday (Tuesday 00:00)
    [InlineData(11, 1, 13)] // Sunday + 1 → same
    [InlineData(10, 0, 12)] // Saturday, no days → Monday 00:00
    public void A_case_filed_at_the_weekend_starts_counting_on_monday_morning(int startDay, int days, int dueDay)
    {
        var due = ServiceLevelCalculator.DueAt(January(startDay, 11, 30), new ServiceLevelTarget(days, ServiceDayKind.Business), NewYork);

        Assert.Equal(January(dueDay, 0), due);
    }

    [Fact]
    public void Days_are_counted_on_the_city_clock_not_in_utc()
    {
        // Friday 23:30 in New York is already Saturday 04:30 in UTC; it still counts as a Friday.
        var start = January(9, 23, 30).ToUniversalTime();

        var due = ServiceLevelCalculator.DueAt(start, new ServiceLevelTarget(1, ServiceDayKind.Business), NewYork);

        Assert.Equal(January(12, 23, 30), due);
        Assert.Equal(TimeSpan.FromHours(-5), due.Offset);
    }

    [Fact]
    public void Calendar_days_keep_the_wall_clock_time_across_the_spring_forward_change()
    {
        // DST starts Sunday 2026-03-08 at 02:00 in New York: Friday 10:00 EST + 3 days = Monday 10:00 EDT.
        var start = new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.FromHours(-5));

        var due = ServiceLevelCalculator.DueAt(start, new ServiceLevelTarget(3, ServiceDayKind.Calendar), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-4)), due);
        Assert.Equal(TimeSpan.FromHours(71), due - start);
    }

    [Fact]
    public void A_due_time_the_clocks_skip_moves_forward_by_the_gap()
    {
        // 02:30 on 2026-03-08 does not exist in New York; it becomes 03:30 EDT.
        var start = new DateTimeOffset(2026, 3, 7, 2, 30, 0, TimeSpan.FromHours(-5));

        var due = ServiceLevelCalculator.DueAt(start, new ServiceLevelTarget(1, ServiceDayKind.Calendar), NewYork);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 30, 0, TimeSpan.FromHours(-4)), due);
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ServiceLevelCalculator.DueAt(January(5, 9), new ServiceLevelTarget(-1, ServiceDayKind.Calendar), NewYork));
    }
}
