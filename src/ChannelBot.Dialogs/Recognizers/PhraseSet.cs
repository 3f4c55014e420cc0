namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// A word list (help words, cancel words...) normalized once, to test whole messages against it on every turn
/// without normalizing the list again. Immutable and safe to share between threads.
/// </summary>
public sealed class PhraseSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _phrases;

    public PhraseSet(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var normalized = TextNormalizer.Normalize(phrase);
            if (normalized.Length > 0)
            {
                set.Add(normalized);
            }
        }

        Count = set.Count;
        _phrases = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count { get; }

    /// <summary>True when the whole message is one of the phrases, tolerating courtesies and punctuation.</summary>
    public bool IsWholeMessage(string utterance) => IsWholeNormalized(TextNormalizer.Normalize(utterance));

    /// <summary>As <see cref="IsWholeMessage"/> for a message already normalized with <see cref="TextNormalizer.Normalize"/>
    /// (to test one message against several sets without normalizing it each time).</summary>
    public bool IsWholeNormalized(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (normalized.Length == 0)
        {
            return false;
        }

        return _phrases.Contains(normalized) || _phrases.Contains(PoliteWords.Trim(normalized));
    }
}
