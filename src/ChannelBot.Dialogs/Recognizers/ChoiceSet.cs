namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The options of one question, normalized once. Build it once per question (for example with the dialog
/// definitions) and reuse it on every turn; it is immutable and safe to share between threads. The overloads of
/// <see cref="ChoiceRecognizer"/> that take a plain option list build a throw-away set on each call.
/// </summary>
public sealed class ChoiceSet
{
    private const int Ambiguous = -1;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exact;

    public ChoiceSet(IReadOnlyList<ChoiceOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new List<ChoicePhrase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < options.Count; index++)
        {
            var option = options[index];
            seen.Clear();
            AddPhrase(option.Title, index, exact, phrases, seen);
            foreach (var synonym in option.Synonyms)
            {
                AddPhrase(synonym, index, exact, phrases, seen);
            }
        }

        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = phrases;
    }

    public IReadOnlyList<ChoiceOption> Options { get; }

    public int Count => Options.Count;

    /// <summary>Every title and synonym with at least one word, in option order.</summary>
    internal IReadOnlyList<ChoicePhrase> Phrases { get; }

    /// <summary>
    /// Looks up a whole normalized reply among the titles and synonyms. <paramref name="optionIndex"/> is -1
    /// when the reply names two different options (it is then found but ambiguous).
    /// </summary>
    public bool TryFindExact(ReadOnlySpan<char> normalizedReply, out int optionIndex) =>
        _exact.TryGetValue(normalizedReply, out optionIndex);

    /// <summary>The 0-based option index of a 1-based position (or <see cref="IndexWord.Last"/>), or -1 when out of range.</summary>
    internal int IndexOfPosition(int position) =>
        position == IndexWord.Last ? Count - 1
        : position >= 1 && position <= Count ? position - 1
        : -1;

    private static void AddPhrase(string text, int index, Dictionary<string, int> exact, List<ChoicePhrase> phrases, HashSet<string> seen)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (normalized.Length == 0)
        {
            return;
        }

        AddExact(normalized, index, exact);
        var stems = ContentWords.StemsOfPhrase(normalized);
        if (stems.Length > 0 && seen.Add(string.Join(' ', stems)))
        {
            phrases.Add(new ChoicePhrase(index, stems));
        }
    }

    private static void AddExact(string normalized, int index, Dictionary<string, int> exact)
    {
        if (exact.TryGetValue(normalized, out var existing) && existing != index)
        {
            exact[normalized] = Ambiguous;
            return;
        }

        exact[normalized] = index;
    }
}
