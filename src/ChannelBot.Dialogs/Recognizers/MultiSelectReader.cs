namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads the picks of one piece of a multi-select reply (see <see cref="MultiSelectPieces"/>): first every title
/// or synonym found whole (longest first, without overlaps, so "curb and gutter" beats "curb"), then the words left
/// over, cut at "and"/"y", as positions ("1 3", "the first and the third", "1 to 3") or as parts of titles.
/// </summary>
internal static class MultiSelectReader
{
    public static void ReadPiece(string[] words, ChoiceSet choices, string language, ChoiceMatch?[] picks)
    {
        if (words.Length == 0)
        {
            return;
        }

        var covered = new bool[words.Length];
        ReadWholePhrases(ContentWords.From(words), choices, covered, picks);

        var segment = new List<string>(words.Length);
        for (var i = 0; i <= words.Length; i++)
        {
            if (i == words.Length || covered[i] || ChoiceFillers.IsConjunction(words[i]))
            {
                if (segment.Count > 0)
                {
                    ReadSegment([.. segment], choices, language, picks);
                    segment.Clear();
                }

                continue;
            }

            segment.Add(words[i]);
        }
    }

    private static void ReadWholePhrases(ContentWords content, ChoiceSet choices, bool[] covered, ChoiceMatch?[] picks)
    {
        if (content.Count == 0)
        {
            return;
        }

        var found = new List<(ChoicePhrase Phrase, PhraseOccurrence Where)>();
        foreach (var phrase in choices.Phrases)
        {
            for (var start = 0; start + phrase.Stems.Length <= content.Count; start++)
            {
                var typos = PhraseSearch.MatchAt(content.Stems, start, phrase.Stems);
                if (typos >= 0)
                {
                    found.Add((phrase, new PhraseOccurrence(start, phrase.Stems.Length, typos)));
                }
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        found.Sort(static (a, b) =>
            a.Where.Length != b.Where.Length ? b.Where.Length.CompareTo(a.Where.Length)
            : a.Where.Typos != b.Where.Typos ? a.Where.Typos.CompareTo(b.Where.Typos)
            : a.Where.Start.CompareTo(b.Where.Start));

        var taken = new List<PhraseOccurrence>();
        foreach (var (phrase, where) in found)
        {
            if (taken.Exists(t => t.Overlaps(where)))
            {
                continue;
            }

            taken.Add(where);
            for (var i = content.Positions[where.Start]; i <= content.Positions[where.End - 1]; i++)
            {
                covered[i] = true;
            }

            if (!NamesAnotherOption(found, phrase, where))
            {
                var coverage = Math.Min(1.0, (double)where.Length / content.Count);
                var score = ChoiceScores.ContainedBase + (ChoiceScores.ContainedRange * coverage);
                Add(picks, choices, phrase.OptionIndex, where.Typos == 0 ? score : score * ChoiceScores.TypoFactor,
                    where.Typos == 0 ? ChoiceMatchKind.Contained : ChoiceMatchKind.Fuzzy);
            }
        }
    }

    /// <summary>True when the same words are, just as well, a title or synonym of a different option.</summary>
    private static bool NamesAnotherOption(List<(ChoicePhrase Phrase, PhraseOccurrence Where)> found, ChoicePhrase phrase, PhraseOccurrence where)
    {
        foreach (var (other, otherWhere) in found)
        {
            if (other.OptionIndex != phrase.OptionIndex && otherWhere == where)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadSegment(string[] segment, ChoiceSet choices, string language, ChoiceMatch?[] picks)
    {
        var withRange = ChoiceFillers.Core(segment, keepRangeWords: true);
        if (withRange.Length == 3
            && IndexWords.TryRead(withRange[0], out var from)
            && ChoiceFillers.IsRangeWord(withRange[1])
            && IndexWords.TryRead(withRange[2], out var to))
        {
            AddRange(picks, choices, choices.IndexOfPosition(from.Position), choices.IndexOfPosition(to.Position));
            return;
        }

        var core = ChoiceFillers.Core(segment);
        if (core.Length == 0)
        {
            return;
        }

        if (Array.TrueForAll(core, word => IndexWords.TryRead(word, out _)))
        {
            foreach (var word in core)
            {
                IndexWords.TryRead(word, out var position);
                var index = choices.IndexOfPosition(position.Position);
                if (index >= 0)
                {
                    Add(picks, choices, index, ChoiceScores.Exact, position.Kind);
                }
            }

            return;
        }

        var byWords = ChoiceRecognizer.BestByWords(ContentWords.From(segment), choices, out var tie);
        if (byWords is not null)
        {
            Add(picks, choices, byWords.Index, byWords.Score, byWords.Kind);
        }
        else if (!tie && ChoiceRecognizer.ReadPositionWithTypo(core, choices, language) is { } typo)
        {
            Add(picks, choices, typo.Index, typo.Score, typo.Kind);
        }
    }

    private static void AddRange(ChoiceMatch?[] picks, ChoiceSet choices, int first, int last)
    {
        if (first < 0 || last < 0)
        {
            return;
        }

        for (var i = Math.Min(first, last); i <= Math.Max(first, last); i++)
        {
            Add(picks, choices, i, ChoiceScores.Exact, ChoiceMatchKind.Number);
        }
    }

    private static void Add(ChoiceMatch?[] picks, ChoiceSet choices, int index, double score, ChoiceMatchKind kind)
    {
        if (picks[index] is null || picks[index]!.Score < score)
        {
            picks[index] = ChoiceRecognizer.Match(choices, index, score, kind);
        }
    }
}
