namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads which option(s) a reply picks. In order: the whole reply as a title or synonym; a position ("2", "#2",
/// "two", "dos", "the 2nd", "segunda", "2º", "last"); a title or synonym inside a longer reply, with small typos
/// allowed; some words of a multi-word title; a position word with a typo. English and Spanish words are always
/// accepted (residents mix languages); <c>language</c> only decides which position words may carry a typo.
/// Scores follow <see cref="ChoiceScores"/>; a tie between two options picks nothing.
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly PhraseSet _allWords = new(
    [
        "all", "all of them", "all of the above", "all the above", "all options", "all of those", "everything",
        "every one", "todos", "todas", "todo", "todos ellos", "todas ellas", "todas las anteriores",
        "todos los anteriores", "todas las opciones", "todo eso",
    ]);

    private static readonly PhraseSet _bothWords = new(["both", "both of them", "ambos", "ambas", "los dos", "las dos"]);

    /// <summary>Builds a <see cref="ChoiceSet"/> for this call only; prefer the overload that takes a prepared set.</summary>
    public static ChoiceMatch? RecognizeOne(string utterance, IReadOnlyList<ChoiceOption> options, string language) =>
        RecognizeOne(utterance, new ChoiceSet(options), language);

    /// <summary>The one option the reply picks, or null when it picks none or two options tie.</summary>
    public static ChoiceMatch? RecognizeOne(string utterance, ChoiceSet choices, string language)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var normalized = TextNormalizer.Normalize(utterance);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return null;
        }

        if (choices.TryFindExact(normalized, out var exact))
        {
            return exact < 0 ? null : Match(choices, exact, ChoiceScores.Exact, ChoiceMatchKind.Exact);
        }

        var words = TextNormalizer.SplitWords(normalized);
        var core = ChoiceFillers.Core(words);
        if (ReadPosition(core, choices) is { } position)
        {
            return position;
        }

        var byWords = BestByWords(ContentWords.From(words), choices, out var tie);
        if (byWords is not null || tie)
        {
            return byWords;
        }

        return ReadPositionWithTypo(core, choices, language);
    }

    /// <summary>Builds a <see cref="ChoiceSet"/> for this call only; prefer the overload that takes a prepared set.</summary>
    public static IReadOnlyList<ChoiceMatch> RecognizeMany(string utterance, IReadOnlyList<ChoiceOption> options, string language) =>
        RecognizeMany(utterance, new ChoiceSet(options), language);

    /// <summary>
    /// Every option a multi-select reply picks, in option order without repeats: "1, 3", "1 and 3", "1 y 3",
    /// "1-3", "lane and crosswalk", "all"/"todos" ("both" when there are two options). Empty when it picks none.
    /// </summary>
    public static IReadOnlyList<ChoiceMatch> RecognizeMany(string utterance, ChoiceSet choices, string language)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var normalized = TextNormalizer.Normalize(utterance);
        if (normalized.Length == 0 || choices.Count == 0)
        {
            return [];
        }

        if (choices.TryFindExact(normalized, out var exact))
        {
            return exact < 0 ? [] : [Match(choices, exact, ChoiceScores.Exact, ChoiceMatchKind.Exact)];
        }

        if (_allWords.IsWholeMessage(normalized) || (choices.Count == 2 && _bothWords.IsWholeMessage(normalized)))
        {
            var all = new ChoiceMatch[choices.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = Match(choices, i, ChoiceScores.Exact, ChoiceMatchKind.All);
            }

            return all;
        }

        var picks = new ChoiceMatch?[choices.Count];
        foreach (var piece in MultiSelectPieces.Split(utterance))
        {
            MultiSelectReader.ReadPiece(TextNormalizer.Words(piece), choices, language, picks);
        }

        var result = new List<ChoiceMatch>();
        foreach (var pick in picks)
        {
            if (pick is not null)
            {
                result.Add(pick);
            }
        }

        return result;
    }

    internal static ChoiceMatch Match(ChoiceSet choices, int index, double score, ChoiceMatchKind kind) =>
        new(index, choices.Options[index].Key, score, kind);

    internal static ChoiceMatch? ReadPosition(string[] core, ChoiceSet choices)
    {
        if (core.Length != 1 || !IndexWords.TryRead(core[0], out var word))
        {
            return null;
        }

        var index = choices.IndexOfPosition(word.Position);
        return index < 0 ? null : Match(choices, index, ChoiceScores.Exact, word.Kind);
    }

    internal static ChoiceMatch? ReadPositionWithTypo(string[] core, ChoiceSet choices, string language)
    {
        if (core.Length != 1 || !IndexWords.TryReadWithTypo(core[0], language, out var word))
        {
            return null;
        }

        var index = choices.IndexOfPosition(word.Position);
        return index < 0 ? null : Match(choices, index, ChoiceScores.PositionWithTypo, word.Kind);
    }

    /// <summary>
    /// The option whose title or synonyms best explain the reply's content words; null with <paramref name="tie"/>
    /// set when two options share the best score.
    /// </summary>
    internal static ChoiceMatch? BestByWords(ContentWords content, ChoiceSet choices, out bool tie)
    {
        tie = false;
        if (content.Count == 0)
        {
            return null;
        }

        Span<double> scores = choices.Count <= 64 ? stackalloc double[choices.Count] : new double[choices.Count];
        Span<ChoiceMatchKind> kinds = choices.Count <= 64 ? stackalloc ChoiceMatchKind[choices.Count] : new ChoiceMatchKind[choices.Count];
        scores.Clear();
        foreach (var phrase in choices.Phrases)
        {
            var (score, kind) = ScorePhrase(content.Stems, phrase.Stems);
            if (score > scores[phrase.OptionIndex])
            {
                scores[phrase.OptionIndex] = score;
                kinds[phrase.OptionIndex] = kind;
            }
        }

        var best = -1;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0)
            {
                continue;
            }

            if (best < 0 || scores[i] > scores[best] + ChoiceScores.TieTolerance)
            {
                best = i;
                tie = false;
            }
            else if (Math.Abs(scores[i] - scores[best]) <= ChoiceScores.TieTolerance)
            {
                tie = true;
            }
        }

        return best < 0 || tie ? null : Match(choices, best, scores[best], kinds[best]);
    }

    private static (double Score, ChoiceMatchKind Kind) ScorePhrase(string[] reply, string[] phrase)
    {
        if (PhraseSearch.FindBest(reply, phrase) is { } occurrence)
        {
            var coverage = Math.Min(1.0, (double)phrase.Length / reply.Length);
            var score = ChoiceScores.ContainedBase + (ChoiceScores.ContainedRange * coverage);
            return occurrence.Typos == 0
                ? (score, ChoiceMatchKind.Contained)
                : (score * ChoiceScores.TypoFactor, ChoiceMatchKind.Fuzzy);
        }

        if (phrase.Length < 2)
        {
            return (0, ChoiceMatchKind.Partial);
        }

        var shared = PhraseSearch.WeightOfSharedWords(reply, phrase, ChoiceScores.TypoWordWeight);
        var share = shared / reply.Length;
        return shared > 0 && share >= ChoiceScores.PartialMinimumCoverage
            ? (ChoiceScores.PartialBase + (ChoiceScores.PartialRange * share), ChoiceMatchKind.Partial)
            : (0, ChoiceMatchKind.Partial);
    }
}
