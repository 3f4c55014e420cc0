using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// How much a message means "call 911 now", from 0 to 1: the mix of <see cref="NearestExamples"/> and a
/// <see cref="WordModel"/>, both trained on the emergency examples of <c>interrupts.yaml</c> against its
/// not-emergencies and every service example of the catalog (ordinary reports). The word model alone is cheap
/// and serves as the gate: a message it scores below <see cref="UnderstandingThresholds.EmergencyGate"/> is not
/// embedded at all ("yes", "123 Main St").
/// </summary>
internal sealed class EmergencyModel
{
    private const int NotEmergency = 0;
    private const int Emergency = 1;

    private readonly NearestExamples _nearest;
    private readonly WordModel _words;

    public EmergencyModel(EmergencyScreen screen, ServiceCatalog catalog)
        : this(TrainingSet(screen, catalog))
    {
    }

    /// <summary>A model trained on the given texts (1 = emergency, 0 = not); the cross-validation trains on parts.</summary>
    public EmergencyModel(IReadOnlyList<(string Text, int Label)> training)
    {
        IsEmpty = !training.Any(t => t.Label == Emergency);
        _nearest = new NearestExamples(ExampleEmbeddings.Of([.. training.Select(t => t.Text)]), [.. training.Select(t => t.Label)], 2);
        _words = new WordModel([.. training.Select(t => (TextFeatures.Of(t.Text), t.Label))], 2);
    }

    /// <summary>
    /// What the model learns from: the screen's examples (1); its not-emergencies, every service example, and the
    /// short things residents answer with (service keywords and names, the options of every question) (0). Without
    /// the short answers the model knows nothing of a four-word message and guesses from the share of emergencies
    /// in what it learned ("very deep and filled with water" is an answer about a pothole).
    /// </summary>
    public static List<(string Text, int Label)> TrainingSet(EmergencyScreen screen, ServiceCatalog catalog)
    {
        var answers = catalog.Services.SelectMany(s => s.Keywords.All.Concat(s.Name.Values)
            .Concat(s.Attributes.SelectMany(a => a.Values.SelectMany(v => v.Name.Values.Concat(v.Synonyms.All)))));
        return
        [
            .. screen.Examples.All.Select(t => (t, Emergency)),
            .. screen.NotEmergencies.All.Select(t => (t, NotEmergency)),
            .. catalog.Services.SelectMany(s => s.Examples.All).Select(t => (t, NotEmergency)),
            .. answers.Distinct(StringComparer.Ordinal).Select(t => (t, NotEmergency)),
        ];
    }

    /// <summary>No emergency examples: the model never fires.</summary>
    public bool IsEmpty { get; }

    public double FromWords(TextFeatures features) => _words.Predict(features)[Emergency];

    /// <summary>The mixed score, the embedding's share depending on the message's <paramref name="language"/>.</summary>
    public double FromMeaning(float[] embedding, double fromWords, string? language)
    {
        var share = UnderstandingThresholds.EmergencyEmbeddingShare(language);
        return (share * _nearest.Votes(embedding)[Emergency]) + ((1 - share) * fromWords);
    }
}
