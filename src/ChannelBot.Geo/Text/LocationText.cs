using System.Globalization;
using System.Text;

namespace ChannelBot.Geo.Text;

/// <summary>
/// What a resident typed, as canonical words: lower case without accents, split at anything but letters and digits
/// (the joiners &amp; @ / # kept as words), numbered streets as ordinals ("fifth", "5ta", "la 5", "calle diez" → "5th"),
/// route words as "route" ("State Hwy 20" → "route 20"), street types as USPS writes them ("avenue" → "ave"). The city's street names pass through the same
/// <see cref="Canonical"/>, so both sides meet. Work is bounded: only the first <see cref="MaxCharacters"/> are read.
/// </summary>
internal static class LocationText
{
    public const int MaxCharacters = 300;
    public const int MaxWords = 64;

    public static List<string> Read(string text) =>
        Canonical(Words(text.Length <= MaxCharacters ? text : text[..MaxCharacters]));

    /// <summary>Lower-case words without accents.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush();
            if (c is '&' or '@' or '/' or '#')
            {
                words.Add(c.ToString());
            }

            if (words.Count >= MaxWords)
            {
                break;
            }
        }

        Flush();
        return words.Count <= MaxWords ? words : words[..MaxWords];

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Numbered streets and routes in one form (see the class summary).</summary>
    public static List<string> Canonical(IReadOnlyList<string> words)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (AddressWords.RouteWords.Contains(word) && RouteNumberAfter(words, i + 1) is { } at)
            {
                if (result.Count > 0 && AddressWords.RouteQualifiers.Contains(result[^1]))
                {
                    result.RemoveAt(result.Count - 1);
                }

                result.Add("route");
                result.Add(words[at]);
                i = at;
                continue;
            }

            if (Ordinals.Read(words, i, StreetContext(result)) is { } ordinal)
            {
                result.Add(Ordinals.Canonical(ordinal.Value));
                i += ordinal.Words - 1;
                continue;
            }

            result.Add(AddressWords.Suffixes.TryGetValue(word, out var suffix) ? suffix.ToLowerInvariant() : word);
        }

        return result;
    }

    public static bool IsNumber(string word) => word.Length is > 0 and <= 6 && word.All(char.IsAsciiDigit);

    /// <summary>A house number as written on the door: digits and at most one letter ("371a").</summary>
    public static (int Number, string Text)? HouseNumber(string word)
    {
        var digits = word.Length;
        while (digits > 0 && !char.IsAsciiDigit(word[digits - 1]))
        {
            digits--;
        }

        if (digits is 0 or > 6 || word.Length - digits > 1 || !word[..digits].All(char.IsAsciiDigit))
        {
            return null;
        }

        if (word.Length - digits == 1 && !char.IsAsciiLetter(word[^1]))
        {
            return null;
        }

        return (int.Parse(word[..digits], CultureInfo.InvariantCulture), word.ToUpperInvariant());
    }

    private static int? RouteNumberAfter(IReadOnlyList<string> words, int start)
    {
        for (var i = start; i < words.Count && i < start + 2; i++)
        {
            if (IsNumber(words[i]))
            {
                return i;
            }

            if (!AddressWords.RouteQualifiers.Contains(words[i]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A bare number is a street ("la 5", "calle 12") only after these words.</summary>
    private static bool StreetContext(List<string> before) =>
        before.Count > 0 && before[^1] is "calle" or "la" or "avenida" or "av" or "avda";
}
