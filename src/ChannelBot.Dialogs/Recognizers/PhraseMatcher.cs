namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Whole-message and word-boundary phrase tests on normalized text (see <see cref="TextNormalizer"/>).</summary>
public static class PhraseMatcher
{
    /// <summary>
    /// True when the whole message is one of <paramref name="phrases"/> once both are normalized, tolerating
    /// courtesies at either end ("help please", "agente por favor") and punctuation ("Cancel!"). Compares without
    /// copying the phrases; for a list tested on every turn, a <see cref="PhraseSet"/> is cheaper still.
    /// </summary>
    public static bool IsWholeMessage(string utterance, IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var normalized = TextNormalizer.Normalize(utterance);
        if (normalized.Length == 0)
        {
            return false;
        }

        var trimmed = PoliteWords.Trim(normalized);
        var wasTrimmed = trimmed.Length != normalized.Length;
        foreach (var phrase in phrases)
        {
            if (TextNormalizer.NormalizesTo(phrase, normalized) || (wasTrimmed && TextNormalizer.NormalizesTo(phrase, trimmed)))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc cref="PhraseSet.IsWholeMessage"/>
    public static bool IsWholeMessage(string utterance, PhraseSet phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        return phrases.IsWholeMessage(utterance);
    }

    /// <summary>True when <paramref name="phrase"/> occurs in the message on word boundaries, once both are normalized
    /// ("stop" is in "please stop texting me", not in "bus stops" or "nonstop").</summary>
    public static bool ContainsPhrase(string utterance, string phrase)
    {
        var text = TextNormalizer.Normalize(utterance);
        var wanted = TextNormalizer.Normalize(phrase);
        if (wanted.Length == 0 || text.Length < wanted.Length)
        {
            return false;
        }

        var from = 0;
        while (from <= text.Length - wanted.Length)
        {
            var at = text.IndexOf(wanted, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var end = at + wanted.Length;
            if ((at == 0 || text[at - 1] == ' ') && (end == text.Length || text[end] == ' '))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
