using System.Globalization;

namespace ChannelBot.Dialogs.Definitions;

/// <summary>
/// One span of the week when 311 operators answer chats (<c>staffedHours</c> in <c>dialogs/city.yaml</c>), in the
/// city's time zone: the days it applies to and the times it opens and closes on each of them.
/// </summary>
public sealed class StaffedHours
{
    public static readonly IReadOnlyList<string> DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>Three-letter day names: mon, tue, wed, thu, fri, sat, sun.</summary>
    public required IReadOnlyList<string> Days { get; init; }

    /// <summary>Opening time, 24-hour <c>HH:mm</c>.</summary>
    public required string From { get; init; }

    /// <summary>Closing time, 24-hour <c>HH:mm</c>, after <see cref="From"/>.</summary>
    public required string To { get; init; }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The day's index in <see cref="DayNames"/> (Monday 0), or -1.</summary>
    public static int IndexOf(string day) => DayNames.ToList().IndexOf(day);

    /// <summary>Whether operators answer at <paramref name="now"/> (an instant), reckoned in the city's <paramref name="zone"/>.</summary>
    public static bool IsOpen(IReadOnlyList<StaffedHours> hours, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DayNames[((int)local.DayOfWeek + 6) % 7];
        var time = TimeOnly.FromDateTime(local.DateTime);
        foreach (var span in hours)
        {
            if (span.Days.Contains(day) && TryParseTime(span.From, out var from) && TryParseTime(span.To, out var to)
                && time >= from && time < to)
            {
                return true;
            }
        }

        return false;
    }
}
