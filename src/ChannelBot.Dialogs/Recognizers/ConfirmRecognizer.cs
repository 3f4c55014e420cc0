using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads yes or no. The yes/no words come from the dialog files (pass both languages together). The answer is
/// read at the edges of the reply, where people put it: the first yes/no phrase at the start and the last one at
/// the end, skipping hesitations and courtesies ("um yes", "yes please", "sí, gracias", "I think so, yes",
/// "no thanks"). Words in the middle are description, not the answer: "yes, and no photos" is yes, "no, it's on
/// the right side" is no. A start and an end that disagree ("yes no", "yes... actually no") give null, as does a
/// reply without a yes/no phrase at either edge. One-letter words ("y", "n", "k") count only as the whole reply
/// ("y" is also Spanish for "and"). "1" alone is yes and "2" alone is no, as on a numbered yes/no list.
/// Stretched words are read ("yesss", "nooo"); words of five or more letters may carry one typo ("corect"),
/// shorter ones may not (a typo rule on "yeah" would read "year" as yes).
/// </summary>
public static class ConfirmRecognizer
{
    private const int MinimumTypoLength = 5;

    // Squeezed forms (see WordForms.Squeeze): "umm" is "um", "hmm" is "hm".
    private static readonly FrozenSet<string> _edgeFillers = FrozenSet.Create(
        StringComparer.Ordinal,
        "um", "uh", "hm", "m", "well", "oh", "ah", "eh", "so", "i", "think", "guess", "the", "answer", "is", "its",
        "it", "that", "then", "just", "lol", "please", "pls", "plz", "thanks", "thank", "you", "thx", "ty",
        "pues", "bueno", "este", "creo", "que", "la", "respuesta", "es", "gracias", "por", "favor", "porfa");

    /// <summary>Prepares the words for this call only; prefer the overload that takes a <see cref="ConfirmVocabulary"/>.</summary>
    public static bool? Recognize(string utterance, IReadOnlyList<string> yesWords, IReadOnlyList<string> noWords) =>
        Recognize(utterance, new ConfirmVocabulary(yesWords, noWords));

    public static bool? Recognize(string utterance, ConfirmVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var words = TextNormalizer.Words(utterance);
        if (words.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = WordForms.Squeeze(words[i]);
        }

        var first = FirstAtStart(words, vocabulary);
        var last = LastAtEnd(words, vocabulary);
        if (first is not null && last is not null)
        {
            return first.MeansYes == last.MeansYes ? first.MeansYes : null;
        }

        return (first ?? last)?.MeansYes ?? ReadNumberedAnswer(words);
    }

    private static ConfirmPhrase? FirstAtStart(string[] words, ConfirmVocabulary vocabulary)
    {
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var phrase in vocabulary.Phrases)
            {
                if (Counts(phrase, words) && Matches(words, start, phrase.Words))
                {
                    return phrase;
                }
            }

            if (!_edgeFillers.Contains(words[start]))
            {
                return null;
            }
        }

        return null;
    }

    private static ConfirmPhrase? LastAtEnd(string[] words, ConfirmVocabulary vocabulary)
    {
        for (var end = words.Length; end > 0; end--)
        {
            foreach (var phrase in vocabulary.Phrases)
            {
                if (Counts(phrase, words) && end >= phrase.Words.Length && Matches(words, end - phrase.Words.Length, phrase.Words))
                {
                    return phrase;
                }
            }

            if (!_edgeFillers.Contains(words[end - 1]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>One-letter words ("y", "n", "k") only count as the whole reply.</summary>
    private static bool Counts(ConfirmPhrase phrase, string[] words) =>
        words.Length == 1 || phrase.Words.Length > 1 || phrase.Words[0].Length > 1;

    private static bool Matches(string[] words, int position, string[] phrase)
    {
        if (position + phrase.Length > words.Length)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            var known = phrase[j];
            var match = TypoTolerance.Compare(words[position + j], known);
            if (match == WordMatch.None || (match == WordMatch.Typo && known.Length < MinimumTypoLength))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"1" means yes and "2" means no when the number is the whole answer (fillers aside).</summary>
    private static bool? ReadNumberedAnswer(string[] words)
    {
        var core = ChoiceFillers.Core(words);
        return core.Length != 1 ? null
            : core[0] == "1" ? true
            : core[0] == "2" ? false
            : null;
    }
}
