namespace ChannelBot.Dialogs.Recognizers;

/// <summary>Light word folding applied to both sides of a comparison.</summary>
public static class WordForms
{
    /// <summary>
    /// Folds a plural to its singular the cheap way: a final "s" is dropped from words of four or more letters
    /// unless they end in "ss", "us" or "is" ("potholes" → "pothole", "baches" → "bache", "rats" → "rat";
    /// "glass", "status", "this" stay). Both the vocabulary and the message are folded the same way, so odd stems
    /// ("does" → "doe") never cause a wrong match.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length < 4 || word[^1] != 's' || word[^2] is 's' or 'u' or 'i' || char.IsAsciiDigit(word[^2]))
        {
            return word;
        }

        return word[..^1];
    }

    /// <summary>
    /// The word with every run of a repeated letter reduced to one letter ("yesss" → "yes", "siii" → "si",
    /// "nooo" → "no"): residents stretch short answers.
    /// </summary>
    public static string Squeeze(string word)
    {
        var repeats = false;
        for (var i = 1; i < word.Length; i++)
        {
            if (word[i] == word[i - 1])
            {
                repeats = true;
                break;
            }
        }

        if (!repeats)
        {
            return word;
        }

        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        var length = 0;
        foreach (var c in word)
        {
            if (length == 0 || buffer[length - 1] != c)
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    public static bool HasDigit(string word)
    {
        foreach (var c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
