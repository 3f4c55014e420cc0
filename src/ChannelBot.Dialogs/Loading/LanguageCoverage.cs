using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Checks that texts and word lists of one file exist in every language the bot speaks.</summary>
internal sealed class LanguageCoverage(string file, IReadOnlyList<string> languages, DialogErrorCollector errors)
{
    /// <summary>Every language has a non-blank text (a null <paramref name="text"/> is an absent optional text).</summary>
    public void Text(LocalizedText? text, string path)
    {
        if (text is null)
        {
            return;
        }

        foreach (var language in languages)
        {
            if (!text.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value))
            {
                errors.Add(file, ReadablePaths.Property(path, language), $"the '{language}' text is missing");
            }
        }
    }

    /// <summary>
    /// Every language has its list; when <paramref name="mustHaveWords"/>, a non-empty one. An optional list left out
    /// entirely (no language at all) is fine.
    /// </summary>
    public void Words(IReadOnlyDictionary<string, List<string>>? words, string path, bool mustHaveWords)
    {
        if (words is null || (words.Count == 0 && !mustHaveWords))
        {
            return;
        }

        foreach (var language in languages)
        {
            if (!words.TryGetValue(language, out var list))
            {
                errors.Add(file, ReadablePaths.Property(path, language), $"the '{language}' list is missing");
            }
            else if (mustHaveWords && list.Count == 0)
            {
                errors.Add(file, ReadablePaths.Property(path, language), $"the '{language}' list is empty");
            }
        }
    }
}
