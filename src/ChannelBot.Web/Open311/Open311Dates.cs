using System.Globalization;
using System.Text.RegularExpressions;

namespace ChannelBot.Web.Open311;

/// <summary>
/// Datetimes as Open311 and mySociety's contract want them: <c>yyyy-MM-ddTHH:mm:ss</c> with <c>Z</c> or an offset,
/// never fractional seconds, written in the city's time zone; read with a time zone required.
/// </summary>
internal static partial class Open311Dates
{
    public static string Format(DateTimeOffset at, TimeZoneInfo city)
    {
        var local = TimeZoneInfo.ConvertTime(at, city);
        return local.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + Offset(local.Offset);
    }

    public static string? Format(DateTimeOffset? at, TimeZoneInfo city) => at is { } value ? Format(value, city) : null;

    /// <summary>An ISO 8601 datetime with its time zone (fractions of a second accepted), or null.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40 || !WithZone().IsMatch(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "Z" : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh':'mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithZone();
}
