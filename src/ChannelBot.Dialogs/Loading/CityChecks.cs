using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>The city's name exists in every language, its time zone is one this machine knows, and its staffed hours read.</summary>
internal static class CityChecks
{
    public static void Run(CityProfile city, string file, IReadOnlyList<string> languages, DialogErrorCollector errors)
    {
        new LanguageCoverage(file, languages, errors).Text(city.Name, "name");
        if (!CityTimeZoneLookup.TryFind(city.TimeZone, out _))
        {
            errors.Add(
                file,
                "timeZone",
                $"'{city.TimeZone}' is not a time zone this machine knows: write an IANA name such as America/New_York " +
                "(and, in a container, install the tzdata package)");
        }

        for (var i = 0; i < city.StaffedHours.Count; i++)
        {
            var span = city.StaffedHours[i];
            var at = $"staffedHours[{i}]";
            foreach (var day in span.Days.Where(d => StaffedHours.IndexOf(d) < 0))
            {
                errors.Add(file, at + ".days", $"'{day}' is not a day: write mon, tue, wed, thu, fri, sat or sun");
            }

            if (!StaffedHours.TryParseTime(span.From, out var from) || !StaffedHours.TryParseTime(span.To, out var to))
            {
                errors.Add(file, at, $"'{span.From}'-'{span.To}': write both times as 24-hour HH:mm, e.g. 08:00 and 18:00");
            }
            else if (to <= from)
            {
                errors.Add(file, at, $"closes at {span.To}, not after it opens at {span.From}");
            }
        }
    }
}
