using System.Collections.Frozen;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Reads a position in a list from one normalized word, in English and Spanish: digits ("2"), digits with an
/// ordinal ending ("2nd", "3rd", "2o" from "2º", "2da", "3er", "4to"), number words ("two", "dos", "una") and
/// ordinal words ("second", "segundo", "segunda", "tercer", "last", "último").
/// </summary>
internal static class IndexWords
{
    private const int MaxDigits = 3;
    private const int MinimumTypoLength = 5;

    private static readonly FrozenSet<string> _ordinalEndings = FrozenSet.Create(
        StringComparer.Ordinal,
        "st", "nd", "rd", "th", "o", "a", "do", "da", "ro", "ra", "er", "to", "ta", "mo", "ma", "vo", "va", "no", "na");

    private static readonly FrozenDictionary<string, IndexWord> _words = BuildWords();

    /// <summary>Reads a word exactly (both languages).</summary>
    public static bool TryRead(string word, out IndexWord index)
    {
        if (TryReadDigits(word, out index))
        {
            return true;
        }

        return _words.TryGetValue(word, out index);
    }

    /// <summary>
    /// Reads a word with a typo (per <see cref="TypoTolerance"/>): "secnd", "thrid", "segnudo". Only words of five
    /// letters or more on both sides ("tree" is a tree, not "three"), and only against the words of
    /// <paramref name="language"/> (an English "nuevo" is not the Spanish "nueve"). Fails when the typo could be two
    /// different positions.
    /// </summary>
    public static bool TryReadWithTypo(string word, string language, out IndexWord index)
    {
        index = default;
        if (word.Length < MinimumTypoLength)
        {
            return false;
        }

        var found = false;
        foreach (var (known, candidate) in _words)
        {
            if (known.Length < MinimumTypoLength
                || !string.Equals(candidate.Language, language, StringComparison.OrdinalIgnoreCase)
                || TypoTolerance.Compare(word, known) != WordMatch.Typo)
            {
                continue;
            }

            if (found && index.Position != candidate.Position)
            {
                index = default;
                return false;
            }

            index = candidate;
            found = true;
        }

        return found;
    }

    private static bool TryReadDigits(string word, out IndexWord index)
    {
        index = default;
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > MaxDigits)
        {
            return false;
        }

        var position = int.Parse(word.AsSpan(0, digits), provider: null);
        if (digits == word.Length)
        {
            index = new IndexWord(position, ChoiceMatchKind.Number, string.Empty);
            return true;
        }

        if (_ordinalEndings.Contains(word[digits..]))
        {
            index = new IndexWord(position, ChoiceMatchKind.Ordinal, string.Empty);
            return true;
        }

        return false;
    }

    private static FrozenDictionary<string, IndexWord> BuildWords()
    {
        var words = new Dictionary<string, IndexWord>(StringComparer.Ordinal);
        void Add(string language, ChoiceMatchKind kind, int position, params string[] forms)
        {
            foreach (var form in forms)
            {
                words[form] = new IndexWord(position, kind, language);
            }
        }

        string[] englishNumbers =
        [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ];
        string[] englishOrdinals =
        [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth", "twentieth",
        ];
        string[] spanishNumbers =
        [
            "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
            "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte",
        ];
        for (var i = 0; i < englishNumbers.Length; i++)
        {
            Add("en", ChoiceMatchKind.Number, i + 1, englishNumbers[i]);
            Add("en", ChoiceMatchKind.Ordinal, i + 1, englishOrdinals[i]);
            Add("es", ChoiceMatchKind.Number, i + 1, spanishNumbers[i]);
        }

        Add("es", ChoiceMatchKind.Number, 1, "un", "una");
        Add("es", ChoiceMatchKind.Ordinal, 1, "primero", "primera", "primer");
        Add("es", ChoiceMatchKind.Ordinal, 2, "segundo", "segunda");
        Add("es", ChoiceMatchKind.Ordinal, 3, "tercero", "tercera", "tercer");
        Add("es", ChoiceMatchKind.Ordinal, 4, "cuarto", "cuarta");
        Add("es", ChoiceMatchKind.Ordinal, 5, "quinto", "quinta");
        Add("es", ChoiceMatchKind.Ordinal, 6, "sexto", "sexta");
        Add("es", ChoiceMatchKind.Ordinal, 7, "septimo", "septima", "setimo", "setima");
        Add("es", ChoiceMatchKind.Ordinal, 8, "octavo", "octava");
        Add("es", ChoiceMatchKind.Ordinal, 9, "noveno", "novena");
        Add("es", ChoiceMatchKind.Ordinal, 10, "decimo", "decima");
        Add("en", ChoiceMatchKind.Ordinal, IndexWord.Last, "last");
        Add("es", ChoiceMatchKind.Ordinal, IndexWord.Last, "ultimo", "ultima");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
