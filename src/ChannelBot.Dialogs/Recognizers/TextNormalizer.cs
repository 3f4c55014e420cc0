using System.Globalization;
using System.Text;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The one place where text is made comparable: lower case, accents removed (á → a, ñ → n), apostrophes dropped
/// ("it's" → "its"), the ordinal marks º/ª read as o/a ("2º" → "2o"), every other run of punctuation, symbols or
/// white space turned into one space, and no space at either end. Every recognizer compares normalized text with
/// normalized text, so "¡Sí!", "si" and "SÍ." are the same word.
/// </summary>
public static class TextNormalizer
{
    private const char Drop = '\0';
    private const char Separator = ' ';
    private const int TableSize = 0x250; // Basic Latin through Latin Extended-B.

    private static readonly char[] _fold = BuildFoldTable();

    /// <summary>The normalized form of <paramref name="text"/> (empty for null or blank text).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == Drop)
            {
                continue;
            }

            if (folded == Separator)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = Separator;
                pendingSpace = false;
            }

            buffer[length++] = folded;
        }

        return length == text.Length && text.AsSpan().SequenceEqual(buffer[..length]) ? text : new string(buffer[..length]);
    }

    /// <summary>The words of <paramref name="text"/> after <see cref="Normalize"/>.</summary>
    public static string[] Words(string? text) => SplitWords(Normalize(text));

    /// <summary>The words of text that is already normalized.</summary>
    public static string[] SplitWords(string normalized) =>
        normalized.Length == 0 ? [] : normalized.Split(Separator);

    /// <summary>
    /// True when <paramref name="raw"/>, once normalized, equals <paramref name="normalized"/>. Compares as it goes,
    /// without building the normalized copy of <paramref name="raw"/> (used to test a message against word lists).
    /// </summary>
    public static bool NormalizesTo(string raw, ReadOnlySpan<char> normalized)
    {
        var position = 0;
        var pendingSpace = false;
        foreach (var c in raw)
        {
            var folded = Fold(c);
            if (folded == Drop)
            {
                continue;
            }

            if (folded == Separator)
            {
                pendingSpace = position > 0;
                continue;
            }

            if (pendingSpace)
            {
                if (position >= normalized.Length || normalized[position] != Separator)
                {
                    return false;
                }

                position++;
                pendingSpace = false;
            }

            if (position >= normalized.Length || normalized[position] != folded)
            {
                return false;
            }

            position++;
        }

        return position == normalized.Length;
    }

    private static char Fold(char c)
    {
        if (c < TableSize)
        {
            return _fold[c];
        }

        if (c is '\u2018' or '\u2019' or '\u02BC')
        {
            return Drop;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => Drop,
            _ when char.IsLetterOrDigit(c) => char.ToLowerInvariant(c),
            _ => Separator,
        };
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                '\'' or '`' or '\u00B4' => Drop,
                '\u00BA' => 'o',
                '\u00AA' => 'a',
                _ when char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => Drop,
                _ when char.IsLetterOrDigit(c) => BaseLetter(c),
                _ => Separator,
            };
        }

        return table;
    }

    private static char BaseLetter(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
