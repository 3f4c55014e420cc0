using ChannelBot.Geo.Data;
using ChannelBot.Geo.Text;

namespace ChannelBot.Geo.Resolution;

/// <summary>
/// Finds the places a text names, by their names and aliases (see <see cref="PlaceWords"/>): the phrase with the most
/// words wins, in its own word order before any other order; a one-word alias said with "the" ("the square") needs
/// an article before it. Or, when none is named, by their kind alone ("the library", "la biblioteca").
/// </summary>
internal sealed class PlaceIndex
{
    private static readonly Dictionary<string, string> KindWords = new(StringComparer.Ordinal)
    {
        ["park"] = "park", ["cemetery"] = "cemetery", ["library"] = "library", ["school"] = "school",
        ["hospital"] = "hospital", ["transit"] = "station", ["stadium"] = "stadium", ["market"] = "market",
        ["police"] = "police", ["fire"] = "fire", ["museum"] = "museum", ["bridge"] = "bridge",
    };

    private readonly List<Phrase> _phrases = [];
    private readonly IReadOnlyList<Place> _places;

    public PlaceIndex(IReadOnlyList<Place> places)
    {
        _places = places;
        foreach (var place in places)
        {
            foreach (var text in place.Aliases.Prepend(place.Name))
            {
                var read = LocationText.Read(text);
                var words = PlaceWords.Content(read).Select(c => c.Word).Distinct().ToArray();
                if (words.Length > 0)
                {
                    _phrases.Add(new Phrase(place, words, words.Length == 1 && read.Count > 1 && PlaceWords.IsArticle(read[0])));
                }
            }
        }
    }

    /// <summary>The places named with the best phrase (ties all returned), and the words of the text each covers.</summary>
    public PlaceMatch? Find(IReadOnlyList<string> words)
    {
        var content = PlaceWords.Content(words);
        PlaceMatch? best = null;
        foreach (var phrase in _phrases)
        {
            if (Window(content, phrase.Words) is not { } span || (phrase.NeedsArticle && !ArticleBefore(words, span.Start)))
            {
                continue;
            }

            var score = (phrase.Words.Length * 2) + (span.Ordered ? 1 : 0);
            if (best is null || score > best.Score)
            {
                best = new PlaceMatch([phrase.Place], score, [(span.Start, span.End)]);
            }
            else if (score == best.Score && !best.Places.Contains(phrase.Place))
            {
                best = best with { Places = [.. best.Places, phrase.Place], Spans = [.. best.Spans, (span.Start, span.End)] };
            }
        }

        return best;
    }

    /// <summary>Every place of a kind the text names after an article ("the library", "la biblioteca"; not "gas station").</summary>
    public IReadOnlyList<Place> OfKindNamed(IReadOnlyList<string> words)
    {
        var content = PlaceWords.Content(words);
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Count; i++)
        {
            if (ArticleBefore(words, content[i].At))
            {
                named.Add(content[i].Word);
            }
        }

        return [.. _places.Where(p => KindWords.TryGetValue(p.Kind, out var word) && named.Contains(word))];
    }

    /// <summary>The first run of content words holding every word of the phrase (one extra word allowed in long phrases).</summary>
    internal static (int Start, int End, bool Ordered)? Window(List<(string Word, int At)> content, string[] phrase)
    {
        var width = phrase.Length + (phrase.Length >= 3 ? 1 : 0);
        (int, int, bool)? unordered = null;
        for (var i = 0; i < content.Count; i++)
        {
            if (!phrase.Contains(content[i].Word, StringComparer.Ordinal))
            {
                continue;
            }

            var found = new List<string>(phrase.Length);
            for (var j = i; j < content.Count && j < i + width; j++)
            {
                if (phrase.Contains(content[j].Word, StringComparer.Ordinal) && !found.Contains(content[j].Word, StringComparer.Ordinal))
                {
                    found.Add(content[j].Word);
                }

                if (found.Count == phrase.Length)
                {
                    var ordered = found.SequenceEqual(phrase, StringComparer.Ordinal);
                    if (ordered)
                    {
                        return (content[i].At, content[j].At + 1, true);
                    }

                    unordered ??= (content[i].At, content[j].At + 1, false);
                    break;
                }
            }
        }

        return unordered;
    }

    /// <summary>Whether the word at <paramref name="at"/> follows an article.</summary>
    private static bool ArticleBefore(IReadOnlyList<string> words, int at) => at >= 1 && PlaceWords.IsArticle(words[at - 1]);

    private sealed record Phrase(Place Place, string[] Words, bool NeedsArticle);
}

/// <summary>Places a text names, with the score of the phrase and the text's words each place covers.</summary>
internal sealed record PlaceMatch(IReadOnlyList<Place> Places, int Score, IReadOnlyList<(int Start, int End)> Spans);
