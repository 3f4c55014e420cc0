using System.Text.RegularExpressions;

namespace ChannelBot.Dialogs.Runtime.Steps;

/// <summary>
/// Spots a place mentioned in passing in a description ("a hole in the road on Main St", "en la calle Ocho"),
/// so the location question can offer it instead of asking from scratch.
/// </summary>
internal static partial class LocationHint
{
    /// <summary>Places are mentioned early; a longer message is searched in its first characters only.</summary>
    private const int MaxSearched = 400;

    /// <returns>The place, or null (also when the search ran out of time: a hint is never worth an error).</returns>
    public static string? Find(string text)
    {
        var searched = text.Length <= MaxSearched ? text : text[..MaxSearched];
        try
        {
            var match = English().Match(searched);
            if (match.Success)
            {
                return match.Groups["place"].Value.Trim();
            }

            match = Spanish().Match(searched);
            return match.Success ? match.Groups["place"].Value.Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(
        @"\b(?:on|at|near|by|outside|in front of|across from|corner of)\s+(?<place>(?:\d{1,6}\s+)?(?:[A-Za-z0-9'.-]+\s+){0,4}?(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|pl|place|ct|court|hwy|highway|pkwy|parkway|ter|terrace|sq|square)\b\.?(?:\s*(?:&|and|at)\s*(?:[A-Za-z0-9'.-]+\s+){0,3}?(?:st|street|ave|avenue|rd|road|blvd|dr|ln|way)\b\.?)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex English();

    [GeneratedRegex(
        @"\b(?:en|cerca de|frente a|por)\s+(?:la\s+|el\s+)?(?<place>(?:calle|avenida|av\.?|camino|bulevar|plaza)\s+(?:[\p{L}0-9'.-]+\s*){1,4}?)(?=[,.;!?]|$|\s+(?:y|que|hay|desde|con)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spanish();
}
