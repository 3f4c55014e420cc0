namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Yes and no words (from the dialog files, all languages together) prepared once: normalized, split into words
/// and squeezed (<see cref="WordForms.Squeeze"/>) so "yesss" and "siii" match. Longest phrases are tried first, so
/// a yes phrase like "no problem" wins over the no word "no". Immutable and safe to share between threads.
/// </summary>
public sealed class ConfirmVocabulary
{
    public ConfirmVocabulary(IEnumerable<string> yesWords, IEnumerable<string> noWords)
    {
        ArgumentNullException.ThrowIfNull(yesWords);
        ArgumentNullException.ThrowIfNull(noWords);
        var phrases = new List<ConfirmPhrase>();
        Add(phrases, yesWords, true);
        Add(phrases, noWords, false);
        phrases.Sort(static (a, b) => b.Words.Length.CompareTo(a.Words.Length));
        Phrases = phrases;
    }

    /// <summary>Longest first.</summary>
    internal IReadOnlyList<ConfirmPhrase> Phrases { get; }

    private static void Add(List<ConfirmPhrase> phrases, IEnumerable<string> words, bool meansYes)
    {
        foreach (var phrase in words)
        {
            var split = TextNormalizer.Words(phrase);
            if (split.Length == 0)
            {
                continue;
            }

            for (var i = 0; i < split.Length; i++)
            {
                split[i] = WordForms.Squeeze(split[i]);
            }

            phrases.Add(new ConfirmPhrase(split, meansYes));
        }
    }
}
