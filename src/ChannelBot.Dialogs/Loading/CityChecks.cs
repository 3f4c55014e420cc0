using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>The city's name exists in every language.</summary>
internal static class CityChecks
{
    public static void Run(CityProfile city, string file, IReadOnlyList<string> languages, DialogErrorCollector errors) =>
        new LanguageCoverage(file, languages, errors).Text(city.Name, "name");
}
