using System.Collections.Frozen;

namespace ChannelBot.Geo.Text;

/// <summary>
/// What residents call places, matched as sets of content words so that word order does not matter ("parque
/// Lincoln" and "Lincoln Park"): small words are dropped and Spanish place words are read as the English words of the
/// city's data ("biblioteca" → library, "ayuntamiento" → city hall). Words of relation stay ("the park on lincoln" is not
/// Lincoln Park).
/// </summary>
internal static class PlaceWords
{
    private static readonly FrozenSet<string> Small = new[]
    {
        "the", "a", "an", "of", "in", "to", "el", "la", "los", "las", "de", "del", "al", "un", "una", "por", "frente",
        "detras", "lado", "from", "behind", "next", "front",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string[]> Spanish = new Dictionary<string, string[]>
    {
        ["parque"] = ["park"], ["plaza"] = ["sq"], ["biblioteca"] = ["library"], ["escuela"] = ["school"],
        ["primaria"] = ["elementary"], ["secundaria"] = ["middle"], ["preparatoria"] = ["high", "school"],
        ["prepa"] = ["high", "school"], ["estacion"] = ["station"], ["autobuses"] = ["bus"], ["camiones"] = ["bus"],
        ["autobus"] = ["bus"], ["tren"] = ["train"], ["cementerio"] = ["cemetery"], ["panteon"] = ["cemetery"],
        ["ayuntamiento"] = ["city", "hall"], ["alcaldia"] = ["city", "hall"], ["municipio"] = ["city", "hall"],
        ["puente"] = ["bridge"], ["mercado"] = ["market"], ["estadio"] = ["stadium"], ["museo"] = ["museum"],
        ["policia"] = ["police"], ["comisaria"] = ["police", "station"], ["bomberos"] = ["fire"],
        ["veteranos"] = ["veterans"], ["urgencias"] = ["er"], ["emergencias"] = ["er"], ["basurero"] = ["dump"],
        ["vertedero"] = ["dump"], ["colegio"] = ["college"], ["comunitario"] = ["community"], ["universidad"] = ["college"],
        ["historia"] = ["history"], ["general"] = ["general"], ["central"] = ["central"], ["rio"] = ["river"],
        ["cementerios"] = ["cemetery"], ["obras"] = ["public"], ["publicas"] = ["works"], ["ancianos"] = ["senior"],
        ["en"] = ["on"], ["sobre"] = ["on"], ["junto"] = ["by"], ["cerca"] = ["near"], ["mayores"] = ["senior"], ["jubilados"] = ["senior"], ["juegos"] = ["playground"], ["hospital"] = ["hospital"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether a word only points at what follows ("the", "la").</summary>
    public static bool IsArticle(string word) => word is "the" or "la" or "el" or "los" or "las";

    /// <summary>The content words of a phrase, each with the index of the word of <paramref name="words"/> it came from.</summary>
    public static List<(string Word, int At)> Content(IReadOnlyList<string> words)
    {
        var result = new List<(string, int)>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (Small.Contains(words[i]))
            {
                continue;
            }

            if (Spanish.TryGetValue(words[i], out var english))
            {
                result.AddRange(english.Select(e => (e, i)));
            }
            else
            {
                result.Add((words[i], i));
            }
        }

        return result;
    }
}
