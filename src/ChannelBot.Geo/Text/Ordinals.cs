using System.Collections.Frozen;
using System.Globalization;

namespace ChannelBot.Geo.Text;

/// <summary>Ordinal numbers as residents write them for numbered streets, in English and Spanish.</summary>
internal static class Ordinals
{
    private static readonly FrozenDictionary<string, int> EnglishUnits = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> EnglishTens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> SpanishOrdinals = new Dictionary<string, int>
    {
        ["primera"] = 1, ["primero"] = 1, ["primer"] = 1, ["segunda"] = 2, ["segundo"] = 2, ["tercera"] = 3,
        ["tercero"] = 3, ["tercer"] = 3, ["cuarta"] = 4, ["cuarto"] = 4, ["quinta"] = 5, ["quinto"] = 5,
        ["sexta"] = 6, ["sexto"] = 6, ["septima"] = 7, ["septimo"] = 7, ["setima"] = 7, ["octava"] = 8,
        ["octavo"] = 8, ["novena"] = 9, ["noveno"] = 9, ["decima"] = 10, ["decimo"] = 10, ["undecima"] = 11,
        ["undecimo"] = 11, ["duodecima"] = 12, ["duodecimo"] = 12, ["vigesima"] = 20, ["vigesimo"] = 20,
        ["trigesima"] = 30, ["trigesimo"] = 30, ["cuadragesima"] = 40, ["cuadragesimo"] = 40,
        ["decimoprimera"] = 11, ["decimosegunda"] = 12, ["decimotercera"] = 13, ["decimocuarta"] = 14,
        ["decimoquinta"] = 15, ["decimosexta"] = 16, ["decimoseptima"] = 17, ["decimoctava"] = 18,
        ["decimonovena"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Spanish cardinals, read as a street only after "calle", "la" or "avenida" ("calle diez", "la doce").</summary>
    private static readonly FrozenDictionary<string, int> SpanishCardinals = new Dictionary<string, int>
    {
        ["uno"] = 1, ["una"] = 1, ["dos"] = 2, ["tres"] = 3, ["cuatro"] = 4, ["cinco"] = 5, ["seis"] = 6,
        ["siete"] = 7, ["ocho"] = 8, ["nueve"] = 9, ["diez"] = 10, ["once"] = 11, ["doce"] = 12, ["trece"] = 13,
        ["catorce"] = 14, ["quince"] = 15, ["dieciseis"] = 16, ["diecisiete"] = 17, ["dieciocho"] = 18,
        ["diecinueve"] = 19, ["veinte"] = 20, ["veintiuno"] = 21, ["veintiuna"] = 21, ["veintidos"] = 22,
        ["veintitres"] = 23, ["veinticuatro"] = 24, ["veinticinco"] = 25, ["veintiseis"] = 26,
        ["veintisiete"] = 27, ["veintiocho"] = 28, ["veintinueve"] = 29, ["treinta"] = 30, ["cuarenta"] = 40,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] DigitSuffixes =
        ["st", "nd", "rd", "th", "ra", "era", "ro", "er", "a", "o", "da", "do", "ta", "to", "va", "vo", "ma", "mo", "na", "no", "ava", "avo"];

    /// <summary>The ordinal starting at <paramref name="i"/> and how many words it takes, or null.</summary>
    public static (int Value, int Words)? Read(IReadOnlyList<string> words, int i, bool streetContext)
    {
        var word = words[i];
        if (DigitsWithSuffix(word, streetContext) is { } digits)
        {
            return (digits, 1);
        }

        if (EnglishUnits.TryGetValue(word, out var unit))
        {
            return (unit, 1);
        }

        if (EnglishTens.TryGetValue(word, out var tens) && i + 1 < words.Count && EnglishUnits.TryGetValue(words[i + 1], out var u) && u < 10)
        {
            return (tens + u, 2);
        }

        if (SpanishOrdinals.TryGetValue(word, out var es))
        {
            if (es is 20 or 30 or 40 && i + 1 < words.Count && SpanishOrdinals.TryGetValue(words[i + 1], out var esUnit) && esUnit < 10)
            {
                return (es + esUnit, 2);
            }

            return (es, 1);
        }

        if (!streetContext)
        {
            return null;
        }

        if (LocationText.IsNumber(word) && word.Length <= 2 && int.Parse(word, CultureInfo.InvariantCulture) is > 0 and var n)
        {
            return (n, 1);
        }

        if (SpanishCardinals.TryGetValue(word, out var cardinal))
        {
            if (cardinal is 30 or 40 && i + 2 < words.Count && words[i + 1] == "y" && SpanishCardinals.TryGetValue(words[i + 2], out var c2) && c2 < 10)
            {
                return (cardinal + c2, 3);
            }

            return (cardinal, 1);
        }

        return null;
    }

    /// <summary>"5th", "21st", "12th": how the city's data writes numbered streets, in lower case.</summary>
    public static string Canonical(int value)
    {
        var lastTwo = value % 100;
        var suffix = lastTwo is >= 11 and <= 13 ? "th" : (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return value.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>"5th", "23rd", "5ta", "10ma"; "5a", "5o" only after "calle" or "la" (else "12a" is a house number).</summary>
    private static int? DigitsWithSuffix(string word, bool streetContext)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 3 || digits == word.Length)
        {
            return null;
        }

        var rest = word[digits..];
        if (rest.Length == 1 && !streetContext)
        {
            return null;
        }

        return DigitSuffixes.Contains(rest, StringComparer.Ordinal) ? int.Parse(word[..digits], CultureInfo.InvariantCulture) : null;
    }
}
