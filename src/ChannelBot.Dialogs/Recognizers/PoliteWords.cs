namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Courtesies residents put around a command ("help please", "agente por favor", "cancel, thanks").</summary>
internal static class PoliteWords
{
    // Longest first, so "thank you" is removed before "thank" could be considered.
    private static readonly string[] _phrases =
    [
        "por favor", "thank you", "thanks", "please", "porfavor", "gracias", "porfa", "pls", "plz", "thx", "xfa",
    ];

    /// <summary>Normalized text without courtesies at either end (the text itself when it is only courtesies).</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> normalized)
    {
        var text = normalized;
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var polite in _phrases)
            {
                if (StartsWithWord(text, polite))
                {
                    text = text[Math.Min(text.Length, polite.Length + 1)..];
                    changed = true;
                }

                if (EndsWithWord(text, polite))
                {
                    text = text[..Math.Max(0, text.Length - polite.Length - 1)];
                    changed = true;
                }
            }
        }

        return text.Length == 0 ? normalized : text;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.Ordinal) && (text.Length == word.Length || text[word.Length] == ' ');

    private static bool EndsWithWord(ReadOnlySpan<char> text, string word) =>
        text.EndsWith(word, StringComparison.Ordinal) && (text.Length == word.Length || text[^(word.Length + 1)] == ' ');
}
