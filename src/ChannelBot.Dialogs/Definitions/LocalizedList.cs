namespace ChannelBot.Dialogs.Definitions;

/// <summary>Words or phrases per language (keywords, synonyms, yes/no words...).</summary>
public sealed class LocalizedList : Dictionary<string, List<string>>
{
    public LocalizedList()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The entries for one language (empty when it has none).</summary>
    public IReadOnlyList<string> For(string language) =>
        TryGetValue(language, out var list) ? list : [];

    /// <summary>Every entry, all languages together: residents mix languages.</summary>
    public IEnumerable<string> All => Values.SelectMany(list => list);
}
