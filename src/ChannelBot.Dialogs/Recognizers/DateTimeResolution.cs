using System.Globalization;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Turns one resolution value of Microsoft.Recognizers.Text.DateTime ("type", "value", "start", "end", "timex")
/// into local date-times around the reference. A time of day without a date is today's, or yesterday's when
/// today's is still to come; a duration ("for 2 days") is read as "since that long ago".
/// </summary>
internal static class DateTimeResolution
{
    private static readonly string[] _dateFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"];
    private static readonly TimeSpan _longestDuration = TimeSpan.FromDays(365 * 100);

    public static DateTimeCandidate? Read(IReadOnlyDictionary<string, string> value, DateTime reference)
    {
        var type = value.GetValueOrDefault("type") ?? string.Empty;
        var timex = value.GetValueOrDefault("timex") ?? string.Empty;
        switch (type)
        {
            case "set":
                return new DateTimeCandidate(null, null, timex);
            case "duration":
                return ReadDuration(value.GetValueOrDefault("value"), reference, timex);
            case "date" or "datetime" or "time":
                return ReadPoint(value.GetValueOrDefault("value"), reference, out var point)
                    ? new DateTimeCandidate(point, null, timex)
                    : null;
            case "daterange" or "datetimerange" or "timerange":
                return ReadRange(value, reference, timex);
            default:
                return null;
        }
    }

    private static DateTimeCandidate? ReadDuration(string? seconds, DateTime reference, string timex)
    {
        if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        var duration = TimeSpan.FromSeconds(value);
        return duration > _longestDuration ? null : new DateTimeCandidate(reference - duration, null, timex);
    }

    private static DateTimeCandidate? ReadRange(IReadOnlyDictionary<string, string> value, DateTime reference, string timex)
    {
        var hasStart = ReadPoint(value.GetValueOrDefault("start"), reference, out var start);
        var hasEnd = ReadPoint(value.GetValueOrDefault("end"), reference, out var end);
        if (!hasStart && !hasEnd)
        {
            return null;
        }

        if (hasStart && hasEnd && end < start)
        {
            // A time range across midnight ("10pm to 2am").
            end = end.AddDays(1);
        }

        return new DateTimeCandidate(hasStart ? start : null, hasEnd ? end : null, timex);
    }

    private static bool ReadPoint(string? text, DateTime reference, out DateTime point)
    {
        point = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (DateTime.TryParseExact(text, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            point = DateTime.SpecifyKind(full, reference.Kind);
            return true;
        }

        if (TimeSpan.TryParseExact(text, "hh\\:mm\\:ss", CultureInfo.InvariantCulture, out var timeOfDay))
        {
            var today = reference.Date + timeOfDay;
            point = today > reference ? today.AddDays(-1) : today;
            return true;
        }

        return false;
    }
}
