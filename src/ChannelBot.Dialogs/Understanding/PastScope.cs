using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The words of a clause that speaks of something over and done: a clause (text between punctuation marks, or
/// around "but"/"pero") holding a time-past cue ("last week", "two months ago", "yesterday", "anoche",
/// "el mes pasado") and no cue of now ("now", "right now", "ahorita"). Every other word of such
/// a clause is returned, before and after the cue, so "the fire was last week" marks "fire" as past: the word
/// models learn that a past "fire" means something else than a plain one ("there was a crash here last night,
/// nobody got hurt" is a report about the bent sign, not an emergency).
/// </summary>
internal static class PastScope
{
    private static readonly HashSet<string> _cues = new(
    [
        "ago", "yesterday", "last", "earlier", "previously", "formerly", "overnight",
        "ayer", "anoche", "antier", "anteayer", "pasado", "pasada",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> _now = new(["now", "rn", "currently", "ahora", "ahorita", "momento"], StringComparer.Ordinal);

    private static readonly HashSet<string> _clauseBreaks = new(["but", "pero", "although", "though", "aunque", "however", "sino"], StringComparer.Ordinal);

    public static IEnumerable<string> PastWords(string text)
    {
        foreach (var part in text.Split(['.', ',', ';', ':', '!', '?', '\n', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var clause = new List<string>();
            foreach (var word in TextNormalizer.Words(part))
            {
                if (_clauseBreaks.Contains(word))
                {
                    foreach (var past in Past(clause))
                    {
                        yield return past;
                    }

                    clause.Clear();
                }
                else
                {
                    clause.Add(word);
                }
            }

            foreach (var past in Past(clause))
            {
                yield return past;
            }
        }
    }

    private static IEnumerable<string> Past(List<string> clause)
    {
        if (!clause.Exists(_cues.Contains) || clause.Exists(_now.Contains))
        {
            return [];
        }

        return clause.Where(w => !_cues.Contains(w));
    }
}
