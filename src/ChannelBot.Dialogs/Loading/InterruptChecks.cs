using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Every global word list and the emergency screen exist in every language.</summary>
internal static class InterruptChecks
{
    public static void Run(InterruptDefinitions interrupts, string file, IReadOnlyList<string> languages, DialogErrorCollector errors)
    {
        var coverage = new LanguageCoverage(file, languages, errors);
        (LocalizedList Words, string Path)[] lists =
        [
            (interrupts.Help, "help"),
            (interrupts.Cancel, "cancel"),
            (interrupts.StartOver, "startOver"),
            (interrupts.Agent, "agent"),
            (interrupts.Menu, "menu"),
            (interrupts.Skip, "skip"),
            (interrupts.Done, "done"),
            (interrupts.Yes, "yes"),
            (interrupts.No, "no"),
            (interrupts.Status, "status"),
            (interrupts.Emergency.Phrases, "emergency.phrases"),
        ];
        foreach (var (words, path) in lists)
        {
            coverage.Words(words, path, mustHaveWords: true);
        }

        coverage.Words(interrupts.Emergency.Except, "emergency.except", mustHaveWords: false);
        coverage.Words(interrupts.SwitchLanguage, "switchLanguage", mustHaveWords: true);
        foreach (var language in interrupts.SwitchLanguage.Keys.Where(language => !languages.Contains(language)))
        {
            errors.Add(file, ReadablePaths.Property("switchLanguage", language), $"there is no strings/{language}.yaml, so the bot cannot switch to '{language}'");
        }
    }
}
