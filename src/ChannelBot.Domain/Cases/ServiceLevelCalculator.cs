namespace ChannelBot.Domain.Cases;

/// <summary>
/// When a case is due, counted on the city's wall clock. Calendar days keep the local time of day across
/// daylight-saving changes. Business days skip Saturday and Sunday; a case that arrives at the weekend starts
/// counting at midnight on Monday (Saturday + 1 business day = end of Monday). Holidays are not counted yet.
/// </summary>
public static class ServiceLevelCalculator
{
    public static DateTimeOffset DueAt(DateTimeOffset start, ServiceLevelTarget target, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(target.Days, nameof(target));

        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        var due = target.Kind switch
        {
            ServiceDayKind.Calendar => local.AddDays(target.Days),
            ServiceDayKind.Business => AddBusinessDays(local, target.Days),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Unknown kind of service day."),
        };
        return AtWallClock(due, zone);
    }

    private static DateTime AddBusinessDays(DateTime local, int days)
    {
        var date = local.Date;
        var timeOfDay = local.TimeOfDay;
        if (IsWeekend(date))
        {
            date = NextBusinessDay(date);
            timeOfDay = TimeSpan.Zero;
        }

        for (var i = 0; i < days; i++)
        {
            date = NextBusinessDay(date);
        }

        return date + timeOfDay;
    }

    private static DateTime NextBusinessDay(DateTime date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (IsWeekend(date));

        return date;
    }

    private static bool IsWeekend(DateTime date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// The instant a local wall-clock time names. A time skipped by a spring-forward change takes the offset in
    /// force before it (02:30 becomes 03:30 daylight time); a repeated time takes the standard offset.
    /// </summary>
    private static DateTimeOffset AtWallClock(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(unspecified)
            ? zone.GetUtcOffset(unspecified.AddDays(-1))
            : zone.GetUtcOffset(unspecified);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(unspecified, offset), zone);
    }
}
