using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Every language has every text the engine needs for this flow, and every text another language has.</summary>
internal static class StringsChecks
{
    public static void Run(IReadOnlyDictionary<string, (StringTable Table, string File)> strings, IntakeFlow? intake, DialogErrorCollector errors)
    {
        var required = (intake is null ? StringKeys.Required : StringKeys.RequiredFor(intake)).ToList();
        foreach (var (language, (table, file)) in strings)
        {
            foreach (var key in required.Where(key => !table.ContainsKey(key)))
            {
                errors.Add(file, key, "the engine needs this text but the file does not have it");
            }

            foreach (var (_, (otherTable, otherFile)) in strings.Where(other => other.Key != language))
            {
                foreach (var key in otherTable.Keys.Where(key => !table.ContainsKey(key) && !required.Contains(key)).Order(StringComparer.Ordinal))
                {
                    errors.Add(file, key, $"{otherFile} has this text but the '{language}' translation is missing");
                }
            }
        }
    }
}
