namespace ChannelBot.Dialogs.Recognizers;

/// <summary>A configured phrase as normalized, plural-folded words, with the text it was written as.</summary>
internal sealed record WordSequence(string[] Words, string Phrase)
{
    public static WordSequence? From(string phrase)
    {
        var words = TextNormalizer.Words(phrase);
        if (words.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordForms.Stem(words[i]);
        }

        return new WordSequence(words, phrase);
    }

    /// <summary>True when the words occur exactly at <paramref name="start"/> of <paramref name="text"/>.</summary>
    public bool OccursAt(ReadOnlySpan<string> text, int start)
    {
        if (start + Words.Length > text.Length)
        {
            return false;
        }

        for (var j = 0; j < Words.Length; j++)
        {
            if (!string.Equals(text[start + j], Words[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
