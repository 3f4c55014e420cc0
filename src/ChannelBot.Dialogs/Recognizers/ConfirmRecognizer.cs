namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads yes or no. The yes/no words come from the dialog files (pass both languages together). A reply is yes
/// when it contains a yes phrase and no no phrase, anywhere on word boundaries ("yes please", "sí, gracias",
/// "ok sure"); no likewise ("no thanks", "nope"); "1" alone is yes and "2" alone is no, as on a numbered
/// yes/no list. Stretched words are read ("yesss", "nooo"); words of five or more letters may carry one typo
/// ("corect", "calro"), shorter ones may not (a typo rule on "yeah" would read "year" as yes). Contradictions
/// ("yes no") and replies with neither give null.
/// </summary>
public static class ConfirmRecognizer
{
    private const int MinimumTypoLength = 5;

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

        var yes = false;
        var no = false;
        var position = 0;
        while (position < words.Length)
        {
            var matched = MatchAt(words, position, vocabulary);
            if (matched is null)
            {
                position++;
                continue;
            }

            yes |= matched.MeansYes;
            no |= !matched.MeansYes;
            position += matched.Words.Length;
        }

        if (yes != no)
        {
            return yes;
        }

        return yes ? null : ReadNumberedAnswer(words);
    }

    private static ConfirmPhrase? MatchAt(string[] words, int position, ConfirmVocabulary vocabulary)
    {
        foreach (var phrase in vocabulary.Phrases)
        {
            if (Matches(words, position, phrase.Words))
            {
                return phrase;
            }
        }

        return null;
    }

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
