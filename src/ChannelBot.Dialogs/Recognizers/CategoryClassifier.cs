using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Tells which service types a free-text message is about ("there's a huge hole in the road" → pothole), from
/// each type's keywords (both languages, the resident's first), its name and the synonyms of its answer options;
/// multi-word phrases weigh more than single words, rare words more than shared ones, and words of four letters
/// or more may carry typos. Scores and thresholds: <see cref="CategoryThresholds"/>. The index is built once at
/// construction; a classification is a few dictionary lookups per word. Immutable and safe to share between
/// threads.
/// </summary>
public sealed class CategoryClassifier
{
    private readonly IReadOnlyList<ServiceDefinition> _services;
    private readonly int _generalService;
    private readonly KeywordIndex _index;

    /// <param name="catalog">The service types.</param>
    /// <param name="generalServiceCode">The catch-all type ("Other/General request"): never suggested unless the
    /// message's own words point at it.</param>
    public CategoryClassifier(ServiceCatalog catalog, string generalServiceCode = ServiceCatalog.GeneralServiceCode)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _services = catalog.Services;
        _generalService = -1;
        for (var i = 0; i < _services.Count; i++)
        {
            if (string.Equals(_services[i].Code, generalServiceCode, StringComparison.OrdinalIgnoreCase))
            {
                _generalService = i;
            }
        }

        _index = new KeywordIndex(_services, _generalService);
    }

    public CategoryClassification Classify(string utterance, string language)
    {
        var content = ContentWords.From(TextNormalizer.Words(utterance));
        if (content.Count == 0 || _services.Count == 0)
        {
            return CategoryClassification.None;
        }

        var matches = FindMatches(content.Stems, language);
        if (matches.Count == 0)
        {
            return CategoryClassification.None;
        }

        var points = new double[_services.Count];
        var named = new bool[_services.Count];
        AddPoints(matches, points, named);
        return Rank(points, named);
    }

    private List<KeywordMatch> FindMatches(string[] words, string language)
    {
        var matches = new List<KeywordMatch>();
        var typoIds = new List<int>();
        for (var start = 0; start < words.Length; start++)
        {
            if (_index.Lexicon.TryGetExact(words[start], out var exactId))
            {
                MatchPhrases(words, start, exactId, firstIsTypo: false, language, matches);
            }

            typoIds.Clear();
            _index.Lexicon.FindTypos(words[start], typoIds);
            foreach (var typoId in typoIds)
            {
                MatchPhrases(words, start, typoId, firstIsTypo: true, language, matches);
            }
        }

        return matches;
    }

    private void MatchPhrases(string[] words, int start, int firstWordId, bool firstIsTypo, string language, List<KeywordMatch> matches)
    {
        foreach (var phraseId in _index.PhrasesStartingWith(firstWordId))
        {
            var phrase = _index.Phrases[phraseId];
            var rest = PhraseSearch.MatchAt(words.AsSpan(start + 1), 0, phrase.Stems.AsSpan(1));
            if (phrase.Stems.Length > 1 && rest < 0)
            {
                continue;
            }

            var typos = Math.Max(rest, 0) + (firstIsTypo ? 1 : 0);
            if (typos > 0 && phrase.Service == _generalService)
            {
                continue;
            }

            var points = phrase.Weight * Math.Pow(CategoryThresholds.TypoFactor, typos)
                * (phrase.IsListedIn(language) ? 1 : CategoryThresholds.OtherLanguageFactor);
            matches.Add(new KeywordMatch(phrase.Service, start, phrase.Stems.Length, points, phrase.Source));
        }
    }

    /// <summary>
    /// Per service, the best phrases that do not share a word, strongest first; <paramref name="named"/> tells
    /// which services were named by a keyword (not only by answer synonyms).
    /// </summary>
    private void AddPoints(List<KeywordMatch> matches, double[] points, bool[] named)
    {
        matches.Sort(static (a, b) => b.Points.CompareTo(a.Points));
        var counted = new List<KeywordMatch>(matches.Count);
        foreach (var match in matches)
        {
            if (counted.Exists(c => c.Service == match.Service && c.Overlaps(match)))
            {
                continue;
            }

            counted.Add(match);
            points[match.Service] += match.Points;
            named[match.Service] |= match.Source == KeywordSource.Keyword;
        }

        if (_generalService >= 0 && points[_generalService] > 0)
        {
            for (var i = 0; i < points.Length; i++)
            {
                if (i != _generalService && points[i] > 0)
                {
                    points[_generalService] *= CategoryThresholds.GeneralServiceDamping;
                    break;
                }
            }
        }
    }

    private CategoryClassification Rank(double[] points, bool[] named)
    {
        var order = new int[points.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Best first; equal points keep catalog order.
        Array.Sort(order, (a, b) => points[a] != points[b] ? points[b].CompareTo(points[a]) : a.CompareTo(b));
        var top = points[order[0]];
        if (top < CategoryThresholds.SuggestMinimum)
        {
            return CategoryClassification.None;
        }

        var suggestions = new List<CategoryScore>(CategoryThresholds.MaxSuggestions);
        foreach (var service in order)
        {
            var score = points[service];
            if (suggestions.Count == CategoryThresholds.MaxSuggestions
                || score < CategoryThresholds.SuggestMinimum
                || score < top * CategoryThresholds.SuggestRelativeMinimum)
            {
                break;
            }

            suggestions.Add(new CategoryScore(_services[service], Math.Round(score, 3)));
        }

        var runnerUp = order.Length > 1 ? points[order[1]] : 0;
        var confident = named[order[0]]
            && top >= CategoryThresholds.ConfidentMinimum
            && top >= runnerUp * CategoryThresholds.ClearLeadRatio
            ? _services[order[0]]
            : null;
        return new CategoryClassification(confident, suggestions);
    }
}
