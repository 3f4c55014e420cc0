namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Finds a phrase (as stems) inside a text (as stems), word by word, with <see cref="TypoTolerance"/>.</summary>
internal static class PhraseSearch
{
    /// <summary>Matches <paramref name="phrase"/> at <paramref name="start"/>; the number of typos, or -1.</summary>
    public static int MatchAt(ReadOnlySpan<string> text, int start, ReadOnlySpan<string> phrase)
    {
        if (phrase.Length == 0 || start + phrase.Length > text.Length)
        {
            return -1;
        }

        var typos = 0;
        for (var j = 0; j < phrase.Length; j++)
        {
            switch (TypoTolerance.Compare(text[start + j], phrase[j]))
            {
                case WordMatch.None:
                    return -1;
                case WordMatch.Typo:
                    typos++;
                    break;
            }
        }

        return typos;
    }

    /// <summary>The occurrence of <paramref name="phrase"/> with the fewest typos (the first of equals), if any.</summary>
    public static PhraseOccurrence? FindBest(ReadOnlySpan<string> text, ReadOnlySpan<string> phrase)
    {
        PhraseOccurrence? best = null;
        for (var start = 0; start + phrase.Length <= text.Length; start++)
        {
            var typos = MatchAt(text, start, phrase);
            if (typos >= 0 && (best is null || typos < best.Value.Typos))
            {
                best = new PhraseOccurrence(start, phrase.Length, typos);
                if (typos == 0)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// How much of <paramref name="text"/> the words of <paramref name="phrase"/> explain, in any order: each text word
    /// found in the phrase counts 1, or <paramref name="typoWeight"/> when it is a typo. Numbers count nothing: "3"
    /// in "2 and 3" is a position, not a word of "more than 3 inches".
    /// </summary>
    public static double WeightOfSharedWords(ReadOnlySpan<string> text, ReadOnlySpan<string> phrase, double typoWeight)
    {
        var total = 0.0;
        foreach (var word in text)
        {
            if (WordForms.HasDigit(word))
            {
                continue;
            }

            var best = 0.0;
            foreach (var known in phrase)
            {
                var match = TypoTolerance.Compare(word, known);
                if (match == WordMatch.Exact)
                {
                    best = 1;
                    break;
                }

                if (match == WordMatch.Typo)
                {
                    best = typoWeight;
                }
            }

            total += best;
        }

        return total;
    }
}
