using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>The city's name exists in every language, and its time zone is one this machine knows.</summary>
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
    }
}
