using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Which service a description is about, as a probability per service of the catalog (catalog order): the mix of
/// <see cref="NearestExamples"/> over the embeddings of every example, keyword and name of the catalog (meaning:
/// "the manhole cover clanks" resembles the manhole examples) and a <see cref="WordModel"/> trained on the same
/// texts (surface: typos, Spanish words the English sentence model does not know). The share of the embedding
/// vote depends on the language: <see cref="UnderstandingThresholds.EmbeddingShare"/>.
/// </summary>
internal sealed class ServiceModel
{
    private readonly NearestExamples _nearest;
    private readonly WordModel _words;

    public ServiceModel(ServiceCatalog catalog)
        : this(catalog.Services, TrainingSet(catalog.Services))
    {
    }

    /// <summary>A model trained on the given texts (label: index of the service); the cross-validation trains on parts.</summary>
    public ServiceModel(IReadOnlyList<ServiceDefinition> services, IReadOnlyList<(string Text, int Label)> training)
    {
        Services = services;
        _nearest = new NearestExamples(ExampleEmbeddings.Of([.. training.Select(t => t.Text)]), [.. training.Select(t => t.Label)], services.Count);
        _words = new WordModel([.. training.Select(t => (TextFeatures.Of(t.Text), t.Label))], services.Count);
    }

    /// <summary>What the model learns from: every example, keyword and name of each service.</summary>
    public static List<(string Text, int Label)> TrainingSet(IReadOnlyList<ServiceDefinition> services) =>
    [
        .. services.SelectMany((service, index) => TextsOf(service).Select(text => (text, index))),
    ];

    /// <summary>A service's own texts: its examples, keywords and names, each once.</summary>
    public static IEnumerable<string> TextsOf(ServiceDefinition service) =>
        service.Examples.All.Concat(service.Keywords.All).Concat(service.Name.Values).Distinct(StringComparer.Ordinal);

    public IReadOnlyList<ServiceDefinition> Services { get; }

    /// <summary>The word model alone: no embedding needed.</summary>
    public double[] FromWords(Utterance utterance) => _words.Predict(utterance.Features);

    /// <summary>The two halves apart (the cross-validation mixes them in other proportions).</summary>
    public (double[] Nearest, double[] Words) Parts(float[] embedding, TextFeatures features) =>
        (_nearest.Votes(embedding), _words.Predict(features));

    /// <summary>Both models mixed (embeds the message).</summary>
    public double[] FromMeaning(Utterance utterance, string language, double[] fromWords) =>
        Probabilities.Mix(_nearest.Votes(utterance.Embedding), fromWords, UnderstandingThresholds.EmbeddingShare(language));
}
