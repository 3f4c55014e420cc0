namespace ChannelBot.Dialogs.Recognizers;

/// <summary>One option of a question: <paramref name="Key"/> is stored, <paramref name="Title"/> is shown, and
/// <paramref name="Synonyms"/> are other words residents use for it (any language).</summary>
public sealed record ChoiceOption(string Key, string Title, IReadOnlyList<string> Synonyms)
{
    public ChoiceOption(string key, string title)
        : this(key, title, [])
    {
    }
}
