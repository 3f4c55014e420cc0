using ChannelBot.Geo.Data;
using ChannelBot.Geo.Text;

namespace ChannelBot.Geo.Resolution;

/// <summary>
/// Finds the streets a text names, left to right, longest name first: an optional Spanish type ("calle",
/// "avenida"), a direction, the base name (exact, or misspelt by a letter or two), a type, a direction after, and a
/// house number before ("123 Main", "el 123 de la calle Main"). Neighbours' roads ("County Rd 9") are found the same way.
/// </summary>
internal sealed class StreetMentions
{
    private static readonly HashSet<string> CanonicalSuffixes =
        [.. AddressWords.Suffixes.Values.Select(v => v.ToLowerInvariant())];

    private static readonly string[] SpelledSuffixes = ["street", "avenue", "boulevard", "drive", "court", "place", "lane"];

    private readonly CityMap _map;
    private readonly Dictionary<string, Neighbour> _neighbourRoads = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<string>> _singleWordBases = [];
    private readonly Dictionary<string, List<string>> _multiWordBases = new(StringComparer.Ordinal);
    private readonly int _maxBaseWords;

    public StreetMentions(CityMap map)
    {
        _map = map;
        foreach (var neighbour in map.Neighbours)
        {
            foreach (var road in neighbour.Roads)
            {
                var name = StreetName.Parse(road);
                if (map.WithBase(name.BaseKey).Count == 0)
                {
                    _neighbourRoads.TryAdd(name.BaseKey, neighbour);
                }
            }
        }

        foreach (var key in map.BaseKeys.Where(k => !k.Contains(' ', StringComparison.Ordinal) && k.Length >= 4 && !char.IsDigit(k[0])))
        {
            (_singleWordBases.TryGetValue(key[0], out var list) ? list : _singleWordBases[key[0]] = []).Add(key);
        }

        foreach (var key in map.BaseKeys.Where(k => k.Contains(' ', StringComparison.Ordinal)))
        {
            var first = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            (_multiWordBases.TryGetValue(first, out var list) ? list : _multiWordBases[first] = []).Add(key);
        }

        _maxBaseWords = Math.Max(map.MaxBaseWords, _neighbourRoads.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max());
    }

    public List<StreetMention> Find(IReadOnlyList<string> words)
    {
        var found = new List<StreetMention>();
        var i = 0;
        while (i < words.Count)
        {
            if (At(words, i, found.Count > 0 ? found[^1].End : 0) is { } mention)
            {
                found.Add(mention);
                i = mention.End;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private StreetMention? At(IReadOnlyList<string> words, int start, int earliestNumber)
    {
        var j = start;
        string? type = null;
        var spanishType = false;
        if (j + 1 < words.Count && AddressWords.SpanishTypes.TryGetValue(words[j], out var spanish) && Base(words, j + 1, allowTypos: true) is not null)
        {
            (spanishType, type) = (true, spanish);
            j++;
        }

        string? direction = null;
        if (j + 1 < words.Count && AddressWords.Directions.TryGetValue(words[j], out var pre) && Base(words, j + 1, allowTypos: true) is not null)
        {
            direction = pre;
            j++;
        }

        if (Base(words, j, allowTypos: true) is not { } name)
        {
            return null;
        }

        var k = j + name.Words;
        if (k < words.Count && Suffix(words[k]) is { } suffix)
        {
            type = suffix;
            k++;
        }

        if (k < words.Count && words[k].Length > 1 && AddressWords.Directions.TryGetValue(words[k], out var post))
        {
            direction ??= post;
            k++;
        }

        var house = HouseBefore(words, start, earliestNumber);
        var typed = type is not null || direction is not null || spanishType;
        if (house is null && typed && k < words.Count && LocationText.HouseNumber(words[k]) is { } after && (k + 1 == words.Count || Base(words, k + 1, allowTypos: false) is null))
        {
            // "calle Court 1858", "avenida Jefferson 1873": the number after the name, as Spanish writes it.
            house = after;
            k++;
        }

        var clear = typed || house is not null || LocativeBefore(words, start);
        var streets = _map.WithBase(name.Key);
        var fitting = streets.Where(s => Fits(s, type, direction)).ToList();
        return new StreetMention(start, k, streets, fitting, house, clear, name.Misspelt, _neighbourRoads.GetValueOrDefault(name.Key));
    }

    private (string Key, int Words, bool Misspelt)? Base(IReadOnlyList<string> words, int j, bool allowTypos)
    {
        for (var length = Math.Min(_maxBaseWords, words.Count - j); length >= 1; length--)
        {
            var key = string.Join(' ', words.Skip(j).Take(length));
            if (_map.WithBase(key).Count > 0 || _neighbourRoads.ContainsKey(key))
            {
                return (key, length, false);
            }
        }

        if (!allowTypos || j >= words.Count || CanonicalSuffixes.Contains(words[j]))
        {
            return null;
        }

        var candidates = words[j].Length >= 4 && _singleWordBases.TryGetValue(words[j][0], out var c) ? c : [];

        var near = candidates.Where(c => Typos.Near(words[j], c)).ToList();
        if (near.Count == 1)
        {
            return (near[0], 1, true);
        }

        // "eagle ridg": a name of several words, its first word right and the rest misspelt.
        if (_multiWordBases.TryGetValue(words[j], out var longer))
        {
            foreach (var key in longer)
            {
                var parts = key.Split(' ');
                if (j + parts.Length <= words.Count && parts.Skip(1).Select((p, n) => words[j + 1 + n] == p || Typos.Near(words[j + 1 + n], p)).All(ok => ok))
                {
                    return (key, parts.Length, true);
                }
            }
        }

        return null;
    }

    /// <summary>"on maple", "en la maple", "by the 5th".</summary>
    private static bool LocativeBefore(IReadOnlyList<string> words, int start)
    {
        for (var x = start - 1; x >= 0 && x >= start - 3; x--)
        {
            if (AddressWords.Locatives.Contains(words[x]))
            {
                return true;
            }

            if (!AddressWords.Articles.Contains(words[x]))
            {
                return false;
            }
        }

        return false;
    }

    private static string? Suffix(string word)
    {
        if (CanonicalSuffixes.Contains(word))
        {
            return word.ToUpperInvariant();
        }

        var spelled = word.Length >= 5 ? SpelledSuffixes.FirstOrDefault(s => Typos.Near(word, s)) : null;
        return spelled is null ? null : AddressWords.Suffixes[spelled];
    }

    private static (int, string)? HouseBefore(IReadOnlyList<string> words, int start, int earliest)
    {
        for (var x = start - 1; x >= earliest && x >= start - 4; x--)
        {
            if (LocationText.HouseNumber(words[x]) is { } house)
            {
                return x > 0 && AddressWords.UnitWords.Contains(words[x - 1]) ? null : house;
            }

            if (!AddressWords.Articles.Contains(words[x]) && words[x] is not ("al" or "calle" or "number" or "numero" or "num"))
            {
                return null;
            }
        }

        return null;
    }

    private static bool Fits(Street street, string? type, string? direction)
    {
        var names = street.AltNames.Prepend(street.Name);
        return names.Any(n => (type is null || n.Suffix == type) && (direction is null || n.Predir == direction || n.Postdir == direction));
    }
}
