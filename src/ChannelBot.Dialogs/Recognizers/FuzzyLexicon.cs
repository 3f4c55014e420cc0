namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// A fixed vocabulary that answers "which known words is this word, allowing typos?" in a few microseconds, by
/// the symmetric-deletion method: every known word is stored with each variant obtained by deleting up to its
/// allowed number of letters (<see cref="TypoTolerance.MaxEdits"/>); a message word's own deletion variants are
/// looked up and each candidate is confirmed with <see cref="EditDistance"/>. Immutable after construction and
/// safe to share between threads; lookups allocate nothing but the caller's result list.
/// The work of one lookup is bounded by the vocabulary, never by the message: a word more than
/// <see cref="TypoTolerance.MaxEdits"/> letters longer than the longest known word cannot be a typo of any of
/// them and is not searched, so no lookup makes more than <see cref="MaxVariantLookups"/> dictionary probes
/// (a 200,000-letter "word" costs one length comparison).
/// </summary>
public sealed class FuzzyLexicon
{
    private readonly string[] _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _variants;
    private readonly int _longestSearched;

    public FuzzyLexicon(IEnumerable<string> words)
    {
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        foreach (var word in words)
        {
            if (word.Length > 0 && exact.TryAdd(word, distinct.Count))
            {
                distinct.Add(word);
            }
        }

        _words = [.. distinct];
        var longest = _words.Length == 0 ? 0 : _words.Max(w => w.Length);
        _longestSearched = longest + TypoTolerance.MaxEdits(longest);
        MaxVariantLookups = VariantCount(_longestSearched);
        var variants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < _words.Length; id++)
        {
            var word = _words[id];
            var edits = WordForms.HasDigit(word) ? 0 : TypoTolerance.MaxEdits(word.Length);
            if (edits == 0)
            {
                continue;
            }

            foreach (var variant in DeletionVariants(word, edits))
            {
                if (!variants.TryGetValue(variant, out var ids))
                {
                    ids = [];
                    variants.Add(variant, ids);
                }

                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _variants = variants.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Length;

    /// <summary>The most dictionary probes one <see cref="FindTypos"/> call can make, whatever the word.</summary>
    public int MaxVariantLookups { get; }

    public string this[int id] => _words[id];

    public bool TryGetExact(ReadOnlySpan<char> word, out int id) => _exact.TryGetValue(word, out id);

    /// <summary>
    /// Adds to <paramref name="ids"/> the known words that <paramref name="word"/> is a typo of (not the word itself).
    /// Returns the number of dictionary probes made (at most <see cref="MaxVariantLookups"/>).
    /// </summary>
    public int FindTypos(string word, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(word);
        var edits = WordForms.HasDigit(word) ? 0 : TypoTolerance.MaxEdits(word.Length);
        if (edits == 0 || word.Length > _longestSearched)
        {
            return 0;
        }

        var start = ids.Count;
        var probes = 1;
        Span<char> buffer = stackalloc char[word.Length];
        Span<char> twiceBuffer = stackalloc char[word.Length];
        Collect(word, word, ids, start);
        for (var first = 0; first < word.Length; first++)
        {
            var once = DeleteAt(word, first, buffer);
            Collect(word, once, ids, start);
            probes++;
            if (edits < 2)
            {
                continue;
            }

            for (var second = first; second < once.Length; second++)
            {
                var twice = twiceBuffer[..(once.Length - 1)];
                once[..second].CopyTo(twice);
                once[(second + 1)..].CopyTo(twice[second..]);
                Collect(word, twice, ids, start);
                probes++;
            }
        }

        return probes;
    }

    /// <summary>Probes for a word of <paramref name="length"/> letters: itself, each single deletion, each pair of deletions.</summary>
    private static int VariantCount(int length) =>
        TypoTolerance.MaxEdits(length) switch
        {
            0 => 0,
            1 => 1 + length,
            _ => 1 + length + (length * (length - 1) / 2),
        };

    private void Collect(string word, ReadOnlySpan<char> variant, List<int> ids, int start)
    {
        if (!_variants.TryGetValue(variant, out var candidates))
        {
            return;
        }

        foreach (var id in candidates)
        {
            if (ids.IndexOf(id, start) < 0 && TypoTolerance.Compare(word, _words[id]) == WordMatch.Typo)
            {
                ids.Add(id);
            }
        }
    }

    private static ReadOnlySpan<char> DeleteAt(string word, int index, Span<char> buffer)
    {
        word.AsSpan(0, index).CopyTo(buffer);
        word.AsSpan(index + 1).CopyTo(buffer[index..]);
        return buffer[..(word.Length - 1)];
    }

    private static HashSet<string> DeletionVariants(string word, int edits)
    {
        var result = new HashSet<string>(StringComparer.Ordinal) { word };
        var frontier = new List<string> { word };
        for (var round = 0; round < edits; round++)
        {
            var next = new List<string>();
            foreach (var current in frontier)
            {
                for (var i = 0; i < current.Length; i++)
                {
                    var variant = current.Remove(i, 1);
                    if (result.Add(variant))
                    {
                        next.Add(variant);
                    }
                }
            }

            frontier = next;
        }

        return result;
    }
}
