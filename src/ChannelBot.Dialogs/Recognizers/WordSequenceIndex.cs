using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Phrases indexed by their first word, longest first, so scanning a message costs one dictionary lookup per
/// word. Immutable and safe to share between threads.
/// </summary>
internal sealed class WordSequenceIndex
{
    private readonly FrozenDictionary<string, WordSequence[]> _byFirstWord;

    public WordSequenceIndex(IEnumerable<string> phrases)
    {
        var byFirstWord = new Dictionary<string, List<WordSequence>>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            if (WordSequence.From(phrase) is not { } sequence)
            {
                continue;
            }

            if (!byFirstWord.TryGetValue(sequence.Words[0], out var list))
            {
                list = [];
                byFirstWord.Add(sequence.Words[0], list);
            }

            list.Add(sequence);
        }

        _byFirstWord = byFirstWord.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(s => s.Words.Length).ToArray(),
            StringComparer.Ordinal);
    }

    public bool IsEmpty => _byFirstWord.Count == 0;

    /// <summary>The phrases that start with <paramref name="word"/>, longest first (check each with
    /// <see cref="WordSequence.OccursAt"/>).</summary>
    public ReadOnlySpan<WordSequence> StartingWith(string word) =>
        _byFirstWord.TryGetValue(word, out var candidates) ? candidates : [];
}
