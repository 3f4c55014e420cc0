using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The surface of a text as the word model sees it: each normalized word, each pair of neighbouring words, the
/// 3- to 5-letter pieces of each word (so "potholes", "pot hole" and "pothle" share most of their pieces) and,
/// for each word that follows a negation in the same clause ("it isn't sparking", "no one is hurt", "no sale
/// humo"), the word marked as negated; for each word of a clause that is over and done ("the fire last week",
/// "it's out now": <see cref="HazardClauses.IsOver"/>), the word marked as past; for each word of a clause about an
/// animal and no person ("a dog got hit and he's limping"), the word marked as an animal's; hashed into
/// <see cref="Buckets"/> slots, counts damped by a logarithm and
/// the whole scaled to length 1. Cost is linear in the text, which the engine caps.
/// </summary>
internal readonly record struct TextFeatures(int[] Slots, float[] Weights)
{
    public const int BucketBits = 17;
    public const int Buckets = 1 << BucketBits;

    private const float PieceWeight = 0.5f;

    public static TextFeatures Of(string text)
    {
        var words = TextNormalizer.Words(text);
        var counts = new Dictionary<int, float>(words.Length * 12);
        for (var i = 0; i < words.Length; i++)
        {
            Add(counts, Hash('w', words[i]), 1);
            if (i + 1 < words.Length)
            {
                Add(counts, Hash('b', words[i], words[i + 1]), 1);
            }

            AddPieces(counts, words[i]);
        }

        foreach (var negated in Negation.NegatedWords(text))
        {
            Add(counts, Hash('n', negated), 1);
        }

        var clauses = HazardClauses.Of(text);
        for (var i = 0; i < clauses.Words.Length; i++)
        {
            if (clauses.IsOver(clauses.ClauseOf[i]))
            {
                Add(counts, Hash('p', clauses.Words[i]), 1);
            }

            if (clauses.IsAboutAnimal(clauses.ClauseOf[i]))
            {
                Add(counts, Hash('a', clauses.Words[i]), 1);
            }
        }

        var slots = new int[counts.Count];
        var weights = new float[counts.Count];
        var n = 0;
        var sumOfSquares = 0f;
        foreach (var (slot, count) in counts)
        {
            var weight = 1 + MathF.Log(count);
            slots[n] = slot;
            weights[n++] = weight;
            sumOfSquares += weight * weight;
        }

        var norm = MathF.Sqrt(sumOfSquares);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= norm;
        }

        return new TextFeatures(slots, weights);
    }

    /// <summary>
    /// These features followed by an embedding's <see cref="SentenceEmbedder.Dimensions"/> numbers (slots
    /// <see cref="Buckets"/> onwards), each × <paramref name="weight"/>: one linear model then weighs words and
    /// meaning together.
    /// </summary>
    public TextFeatures WithMeaning(float[] embedding, float weight)
    {
        var slots = new int[Slots.Length + embedding.Length];
        var weights = new float[slots.Length];
        Slots.CopyTo(slots, 0);
        Weights.CopyTo(weights, 0);
        for (var d = 0; d < embedding.Length; d++)
        {
            slots[Slots.Length + d] = Buckets + d;
            weights[Slots.Length + d] = embedding[d] * weight;
        }

        return new TextFeatures(slots, weights);
    }

    private static void AddPieces(Dictionary<int, float> counts, string word)
    {
        var padded = string.Concat("<", word, ">");
        for (var size = 3; size <= 5; size++)
        {
            for (var start = 0; start + size <= padded.Length; start++)
            {
                Add(counts, Hash('c', padded.AsSpan(start, size)), PieceWeight);
            }
        }
    }

    private static void Add(Dictionary<int, float> counts, int slot, float weight) =>
        counts[slot] = counts.GetValueOrDefault(slot) + weight;

    private static int Hash(char kind, ReadOnlySpan<char> text, ReadOnlySpan<char> second = default)
    {
        // FNV-1a: stable across processes and platforms (string.GetHashCode is randomized per process).
        var hash = 14695981039346656037UL;
        hash = Mix(hash, kind);
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        if (!second.IsEmpty)
        {
            hash = Mix(hash, ' ');
            foreach (var c in second)
            {
                hash = Mix(hash, c);
            }
        }

        return (int)(hash & (Buckets - 1));
    }

    private static ulong Mix(ulong hash, char c) => (hash ^ c) * 1099511628211UL;
}
