using System.Globalization;

namespace ChannelBot.Geo.Text;

/// <summary>
/// A street name split as USPS writes it ("N MAIN ST": predirectional N, base MAIN, suffix ST), with its base in
/// the canonical words that <see cref="LocationText"/> makes of what residents type ("main", "5th", "route 20").
/// </summary>
internal sealed record StreetName(string Full, string Predir, IReadOnlyList<string> Base, string Suffix, string Postdir)
{
    /// <summary>The base as one key ("eagle ridge").</summary>
    public string BaseKey => string.Join(' ', Base);

    /// <summary>The name as residents read it ("N Main St", "E 5th St", "Route 20").</summary>
    public string Label => string.Join(' ', Full.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word));

    public static StreetName Parse(string full)
    {
        var upper = full.Trim().ToUpperInvariant();
        var words = LocationText.Words(upper);
        var predir = "";
        var suffix = "";
        var postdir = "";
        var start = 0;
        var end = words.Count;
        if (end - start > 1 && AddressWords.Directions.TryGetValue(words[start], out var pre) && words[start].Length <= 5)
        {
            predir = pre;
            start++;
        }

        if (end - start > 1 && AddressWords.Directions.TryGetValue(words[end - 1], out var post))
        {
            postdir = post;
            end--;
        }

        if (end - start > 1 && AddressWords.Suffixes.TryGetValue(words[end - 1], out var type))
        {
            suffix = type;
            end--;
        }

        return new StreetName(upper, predir, LocationText.Canonical(words.Skip(start).Take(end - start).ToList()), suffix, postdir);
    }

    private static string Word(string word) =>
        word.Length <= 1 || (word.Length <= 2 && AddressWords.Directions.ContainsKey(word.ToLowerInvariant()))
            ? word
            : char.IsDigit(word[0])
                ? word.ToLowerInvariant()
                : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word.ToLowerInvariant());
}
