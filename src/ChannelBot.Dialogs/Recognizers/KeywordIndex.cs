using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// The classifier's precomputed index of a catalog: every keyword, name and answer synonym of every service as
/// stems with its weight (<see cref="CategoryThresholds"/>), a typo-tolerant lexicon of all their words and, per
/// word, the phrases that start with it. Immutable and safe to share between threads.
/// </summary>
internal sealed class KeywordIndex
{
    private readonly int[][] _phrasesByFirstWord;

    public KeywordIndex(IReadOnlyList<ServiceDefinition> services, int generalService)
    {
        ArgumentNullException.ThrowIfNull(services);
        var drafts = CollectPhrases(services, generalService);
        var inverseFrequency = InverseServiceFrequency(drafts);

        var phrases = new List<KeywordPhrase>(drafts.Count);
        foreach (var draft in drafts.Values)
        {
            var points = 0.0;
            foreach (var stem in draft.Stems)
            {
                points += inverseFrequency[stem];
            }

            var weight = points * (1 + (CategoryThresholds.MultiWordBonus * (draft.Stems.Length - 1)))
                * (draft.Source == KeywordSource.ValueSynonym ? CategoryThresholds.ValueSynonymFactor : 1);
            phrases.Add(new KeywordPhrase(draft.Service, draft.Stems, [.. draft.Languages], draft.Source, weight));
        }

        Phrases = phrases;
        Lexicon = new FuzzyLexicon(phrases.SelectMany(p => p.Stems));
        var byFirst = new List<int>[Lexicon.Count];
        for (var id = 0; id < phrases.Count; id++)
        {
            Lexicon.TryGetExact(phrases[id].Stems[0], out var first);
            (byFirst[first] ??= []).Add(id);
        }

        _phrasesByFirstWord = Array.ConvertAll(byFirst, list => list is null ? [] : list.ToArray());
    }

    public IReadOnlyList<KeywordPhrase> Phrases { get; }

    public FuzzyLexicon Lexicon { get; }

    /// <summary>Ids (in <see cref="Phrases"/>) of the phrases whose first word is the lexicon word <paramref name="wordId"/>.</summary>
    public ReadOnlySpan<int> PhrasesStartingWith(int wordId) => _phrasesByFirstWord[wordId];

    private static Dictionary<string, PhraseDraft> CollectPhrases(IReadOnlyList<ServiceDefinition> services, int generalService)
    {
        var drafts = new Dictionary<string, PhraseDraft>(StringComparer.Ordinal);
        for (var service = 0; service < services.Count; service++)
        {
            var definition = services[service];
            foreach (var (language, keywords) in definition.Keywords)
            {
                foreach (var keyword in keywords)
                {
                    Add(drafts, service, keyword, language, KeywordSource.Keyword);
                }
            }

            foreach (var (language, name) in definition.Name)
            {
                Add(drafts, service, name, language, KeywordSource.Keyword);
            }

            if (service == generalService)
            {
                continue;
            }

            foreach (var attribute in definition.Attributes)
            {
                foreach (var value in attribute.Values)
                {
                    foreach (var (language, synonyms) in value.Synonyms)
                    {
                        foreach (var synonym in synonyms)
                        {
                            Add(drafts, service, synonym, language, KeywordSource.ValueSynonym);
                        }
                    }
                }
            }
        }

        return drafts;
    }

    private static void Add(Dictionary<string, PhraseDraft> drafts, int service, string text, string language, KeywordSource source)
    {
        var stems = ContentWords.StemsOfPhrase(text);
        if (stems.Length == 0)
        {
            return;
        }

        var key = $"{service}|{string.Join(' ', stems)}";
        if (!drafts.TryGetValue(key, out var draft))
        {
            draft = new PhraseDraft(service, stems, source);
            drafts.Add(key, draft);
        }
        else if (source == KeywordSource.Keyword)
        {
            draft.Source = KeywordSource.Keyword;
        }

        draft.Languages.Add(language);
    }

    private static Dictionary<string, double> InverseServiceFrequency(Dictionary<string, PhraseDraft> drafts)
    {
        var services = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var draft in drafts.Values)
        {
            foreach (var stem in draft.Stems)
            {
                if (!services.TryGetValue(stem, out var set))
                {
                    set = [];
                    services.Add(stem, set);
                }

                set.Add(draft.Service);
            }
        }

        return services.ToDictionary(pair => pair.Key, pair => 1 / (1 + Math.Log(pair.Value.Count)), StringComparer.Ordinal);
    }

    private sealed class PhraseDraft(int service, string[] stems, KeywordSource source)
    {
        public int Service { get; } = service;

        public string[] Stems { get; } = stems;

        public KeywordSource Source { get; set; } = source;

        public HashSet<string> Languages { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
