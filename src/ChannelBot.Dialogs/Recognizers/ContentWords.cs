namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The meaningful words of a normalized text: stop words removed, plurals folded (<see cref="WordForms.Stem"/>),
/// each with its position among all the words so a match can be mapped back.
/// </summary>
internal sealed class ContentWords
{
    private ContentWords(string[] stems, int[] positions)
    {
        Stems = stems;
        Positions = positions;
    }

    public static ContentWords Empty { get; } = new([], []);

    public string[] Stems { get; }

    /// <summary>For each stem, its index in the word array it came from.</summary>
    public int[] Positions { get; }

    public int Count => Stems.Length;

    public static ContentWords From(string[] words)
    {
        var count = 0;
        foreach (var word in words)
        {
            if (!StopWords.Contains(word))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return Empty;
        }

        var stems = new string[count];
        var positions = new int[count];
        var next = 0;
        for (var i = 0; i < words.Length; i++)
        {
            if (!StopWords.Contains(words[i]))
            {
                stems[next] = WordForms.Stem(words[i]);
                positions[next] = i;
                next++;
            }
        }

        return new ContentWords(stems, positions);
    }

    /// <summary>The stems of a phrase from a word list (title, keyword...): its content words, or all its words
    /// when it has only stop words (so "Other" or "No" can still be matched).</summary>
    public static string[] StemsOfPhrase(string phrase)
    {
        var words = TextNormalizer.Words(phrase);
        var content = From(words);
        if (content.Count > 0)
        {
            return content.Stems;
        }

        var stems = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            stems[i] = WordForms.Stem(words[i]);
        }

        return stems;
    }
}
