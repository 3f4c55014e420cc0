using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Picks the service for a free-text description in two stages:
/// <list type="number">
/// <item>the fast, explainable path: when the catalog's keywords are certain (<see cref="CategoryClassifier"/>)
/// and the word model agrees with at least <see cref="UnderstandingThresholds.FastPathAgreement"/>, that service
/// is taken without embedding the message ("pothole on Main St");</item>
/// <item>otherwise the whole message is read for meaning (<see cref="ServiceModel"/>): the best service is taken
/// when it is likely enough and clearly ahead of the runner-up (<see cref="UnderstandingThresholds"/>); else the
/// three best are suggested.</item>
/// </list>
/// Immutable and safe to share between threads.
/// </summary>
internal sealed class ServiceRecognizer
{
    private readonly ServiceModel _model;
    private readonly CategoryClassifier _keywords;
    private readonly int _general;

    public ServiceRecognizer(ServiceCatalog catalog, string generalServiceCode = ServiceCatalog.GeneralServiceCode)
    {
        _model = new ServiceModel(catalog);
        _keywords = new CategoryClassifier(catalog, generalServiceCode);
        _general = -1;
        for (var i = 0; i < catalog.Services.Count; i++)
        {
            if (string.Equals(catalog.Services[i].Code, generalServiceCode, StringComparison.OrdinalIgnoreCase))
            {
                _general = i;
            }
        }
    }

    public IReadOnlyList<ServiceDefinition> Services => _model.Services;

    /// <summary>The general request ("Something else"), if the catalog has one.</summary>
    public ServiceDefinition? General => _general >= 0 ? Services[_general] : null;

    public ServiceRecognition Recognize(Utterance utterance, string language)
    {
        if (Services.Count == 0 || ContentWords.From(TextNormalizer.Words(utterance.Text)).Count == 0)
        {
            return ServiceRecognition.None;
        }

        var fromWords = _model.FromWords(utterance);
        var keyword = _keywords.Classify(utterance.Text, language).Confident;
        if (keyword is not null)
        {
            var index = IndexOf(keyword);
            if (index == ArgMax(fromWords) && fromWords[index] >= UnderstandingThresholds.FastPathAgreement)
            {
                return new ServiceRecognition(keyword, [keyword]);
            }
        }

        return Rank(_model.FromMeaning(utterance, language, fromWords));
    }

    /// <summary>Every service with its probability, best first (the evaluation command prints these).</summary>
    public IReadOnlyList<(ServiceDefinition Service, double Probability)> Ranked(Utterance utterance, string language)
    {
        var p = _model.FromMeaning(utterance, language, _model.FromWords(utterance));
        return [.. Order(p).Select(i => (Services[i], p[i]))];
    }

    private ServiceRecognition Rank(double[] p)
    {
        var order = Order(p);
        var best = order[0];
        var runnerUp = order.Length > 1 ? p[order[1]] : 0;
        var confident = p[best] >= UnderstandingThresholds.ConfidentMinimum
            && p[best] >= runnerUp * UnderstandingThresholds.ClearLeadRatio
            ? Services[best]
            : null;
        var suggestions = order
            .Where(i => i != _general)
            .Take(UnderstandingThresholds.Suggestions)
            .Select(i => Services[i])
            .ToList();
        return new ServiceRecognition(confident, suggestions);
    }

    private int[] Order(double[] p)
    {
        var order = Enumerable.Range(0, p.Length).ToArray();
        Array.Sort(order, (a, b) => p[a] != p[b] ? p[b].CompareTo(p[a]) : a.CompareTo(b));
        return order;
    }

    private int IndexOf(ServiceDefinition service)
    {
        for (var i = 0; i < Services.Count; i++)
        {
            if (ReferenceEquals(Services[i], service))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
            {
                best = i;
            }
        }

        return best;
    }
}
