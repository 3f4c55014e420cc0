using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Words around a position that do not change it: "the 2nd one", "number 2 please", "I think it's the second",
/// "la segunda opción", "creo que la 2". Only used to read positions: a reply that still has other words left is
/// not a position ("the crosswalk one" is not "one").
/// </summary>
internal static class ChoiceFillers
{
    private static readonly FrozenSet<string> _words = FrozenSet.Create(
        StringComparer.Ordinal,
        "the", "a", "an", "number", "num", "nr", "nro", "option", "choice", "item", "answer", "its", "it", "is", "i",
        "im", "think", "guess", "pick", "choose", "want", "take", "say", "id", "like", "please", "pls", "plz",
        "thanks", "thank", "you", "ok", "okay", "um", "uh", "hmm", "maybe", "just", "go", "with", "that", "lets",
        "el", "la", "lo", "numero", "opcion", "respuesta", "es", "creo", "que", "quiero", "elijo", "escojo", "pues",
        "por", "favor", "gracias", "este", "esta", "esa", "ese", "seria", "sera", "de", "del", "mi", "eh", "ah");

    /// <summary>Words that join the picks of a multi-select answer ("1 and 3", "1 y 3").</summary>
    private static readonly FrozenSet<string> _conjunctions = FrozenSet.Create(
        StringComparer.Ordinal, "and", "y", "e", "plus", "also", "n", "tambien", "mas");

    /// <summary>Words of a range of positions ("1 to 3", "1 a 3").</summary>
    private static readonly FrozenSet<string> _rangeWords = FrozenSet.Create(
        StringComparer.Ordinal, "to", "through", "thru", "till", "until", "a", "al", "hasta");

    public static bool IsFiller(string word) => _words.Contains(word);

    public static bool IsConjunction(string word) => _conjunctions.Contains(word);

    public static bool IsRangeWord(string word) => _rangeWords.Contains(word);

    /// <summary>
    /// The words left once fillers are removed, and a trailing "one" after a position ("the first one"). Returns
    /// the input array when nothing is removed. <paramref name="keepRangeWords"/> keeps "a"/"to" for reading ranges.
    /// </summary>
    public static string[] Core(string[] words, bool keepRangeWords = false)
    {
        var kept = new List<string>(words.Length);
        foreach (var word in words)
        {
            if (IsFiller(word) && !(keepRangeWords && IsRangeWord(word)))
            {
                continue;
            }

            if (word == "one" && kept.Count > 0 && IndexWords.TryRead(kept[^1], out _))
            {
                continue;
            }

            kept.Add(word);
        }

        return kept.Count == words.Length ? words : [.. kept];
    }
}
