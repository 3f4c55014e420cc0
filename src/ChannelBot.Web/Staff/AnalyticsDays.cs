using System.Globalization;
using ChannelBot.Infrastructure.Analytics;

namespace ChannelBot.Web.Staff;

/// <summary>
/// The days a supervisor asks about, in the city's time zone, both inclusive (<c>from=2026-05-01&amp;to=2026-05-31</c>);
/// by default the last 30 days, today included. The period runs from the start of the first day to the start of the
/// day after the last, as instants of the city's wall clock (23 or 25 hours on a daylight-saving change day).
/// </summary>
public sealed record AnalyticsDays(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    /// <summary>The days asked for, or a problem a client can read (bad date, wrong order, too long).</summary>
    public static (AnalyticsDays? Days, string? Problem) Parse(string? from, string? to, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (!TryDate(to, today, out var last))
        {
            return (null, $"'to' must be a date written yyyy-MM-dd, not '{to}'.");
        }

        if (!TryDate(from, last.AddDays(1 - DefaultDays), out var first))
        {
            return (null, $"'from' must be a date written yyyy-MM-dd, not '{from}'.");
        }

        if (first > last)
        {
            return (null, $"'from' ({Text(first)}) must not be after 'to' ({Text(last)}).");
        }

        return last.DayNumber - first.DayNumber + 1 > StaffAnalyticsQueries.MaxDays
            ? (null, $"A period is at most {StaffAnalyticsQueries.MaxDays} days; {Text(first)} to {Text(last)} is longer.")
            : (new AnalyticsDays(first, last), null);
    }

    public AnalyticsPeriod Period(DateTimeOffset now, TimeZoneInfo zone) =>
        new(StartOf(From, zone), StartOf(To.AddDays(1), zone), now);

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TryDate(string? value, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>Midnight of the day on the city's wall clock; a midnight skipped by a daylight-saving change is the first instant after it.</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
