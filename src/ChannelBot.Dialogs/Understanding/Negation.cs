using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The words a negation reaches: in each clause (text between punctuation marks, or before "but"/"pero"), every
/// word after "not", "no", "isn't", "never", "nobody", "nada", "sin"... up to the clause's end, at most
/// <see cref="Reach"/> words. "The wire is down but it isn't sparking" negates "sparking"; the word model learns
/// that a negated "sparking" means the opposite of a plain one.
/// </summary>
internal static class Negation
{
    public const int Reach = 6;

    private static readonly HashSet<string> _cues = new(
    [
        "not", "no", "nor", "never", "none", "nobody", "nothing", "noone", "without", "neither",
        "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "cant", "cannot", "wont", "hasnt", "havent", "hadnt", "aint", "nope",
        "nadie", "nada", "nunca", "ni", "sin", "tampoco", "ningun", "ninguno", "ninguna", "jamas",
    ], StringComparer.Ordinal);

    private static readonly HashSet<string> _clauseBreaks = new(["but", "pero", "although", "though", "aunque", "however", "sino"], StringComparer.Ordinal);

    public static IEnumerable<string> NegatedWords(string text)
    {
        foreach (var clause in text.Split(['.', ',', ';', ':', '!', '?', '\n', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var reach = 0;
            foreach (var word in TextNormalizer.Words(clause))
            {
                if (_clauseBreaks.Contains(word))
                {
                    reach = 0;
                }
                else if (_cues.Contains(word))
                {
                    reach = Reach;
                }
                else if (reach > 0)
                {
                    reach--;
                    yield return word;
                }
            }
        }
    }
}
