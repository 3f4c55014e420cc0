using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Recognizers;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// Tells whether a message means "call 911 now", by list and by meaning:
/// <list type="bullet">
/// <item>an explicit phrase of the screen (<see cref="EmergencyDetector"/>) that stands in its clause is an emergency
/// unless the model is sure it is not (<see cref="UnderstandingThresholds.PhraseOverruled"/>); a phrase its clause
/// takes back ("the wire is down but isn't sparking", "there was a fire last week", "the cat is bleeding", "grill
/// smoke") is no trump card: the message is embedded whatever the gate says and needs
/// <see cref="UnderstandingThresholds.CancelledPhraseMinimum"/>, as does a message about animals and no person;</item>
/// <item>without a phrase, the model's score (<see cref="EmergencyModel"/>) must reach
/// <see cref="UnderstandingThresholds.EmergencyMinimum"/>: "I smell rotten eggs by the meter", "a car hit a kid";</item>
/// <item>a message of several sentences is also read sentence by sentence (<see cref="Sentences"/>, from the same
/// run of the sentence model), so an emergency mentioned after a pothole is not drowned out by it; a sentence
/// needs the stricter <see cref="UnderstandingThresholds.SentenceMinimum"/>.</item>
/// </list>
/// The word model alone decides first: a message none of whose sentences it scores at least
/// <see cref="UnderstandingThresholds.EmergencyGate"/>, without a phrase, is not embedded at all. Immutable and safe to share between threads.
/// </summary>
internal sealed class EmergencyRecognizer
{
    private readonly EmergencyDetector _phrases;
    private readonly EmergencyModel _model;

    public EmergencyRecognizer(EmergencyScreen screen, ServiceCatalog catalog)
        : this(screen, new EmergencyModel(screen, catalog))
    {
    }

    public EmergencyRecognizer(EmergencyScreen screen, EmergencyModel model)
    {
        _phrases = new EmergencyDetector(screen);
        _model = model;
    }

    /// <summary>The signal when the message is an emergency, else null.</summary>
    public EmergencySignal? Detect(Utterance utterance)
    {
        var found = _phrases.Find(utterance.Text);
        var phrase = found.Phrase;
        if (_model.IsEmpty)
        {
            return phrase is null ? null : new EmergencySignal(phrase, 0);
        }

        var scores = Scores(utterance, phrase is not null, EmergencyPolicy.Default, found.Cancelled is not null);
        return EmergencyPolicy.Default.IsEmergency(scores) ? new EmergencySignal(phrase, Math.Max(scores.Whole, scores.Sentences.DefaultIfEmpty(0).Max())) : null;
    }

    /// <summary>
    /// The scores of a message; the sentence model runs only when <paramref name="policy"/> cannot rule the message
    /// out from the word model alone (the cross-validation passes a policy with no gate to get every score).
    /// </summary>
    public EmergencyScores Scores(Utterance utterance, bool phrase, EmergencyPolicy policy, bool cancelledPhrase = false)
    {
        var wholeWords = _model.FromWords(utterance.Features);
        var sentences = utterance.Sentences;
        var sentenceWords = sentences.Count > 1 ? [.. sentences.Select(s => _model.FromWords(TextFeatures.Of(s)))] : Array.Empty<double>();
        var sentenceScores = new double[sentenceWords.Length];
        Array.Fill(sentenceScores, double.NaN);
        if (policy.RulesOut(phrase || cancelledPhrase, wholeWords, sentenceWords))
        {
            return new EmergencyScores(phrase, wholeWords, double.NaN, sentenceWords, sentenceScores, cancelledPhrase);
        }

        var language = LanguageGuess.Guess(utterance.Text);
        var whole = _model.FromMeaning(utterance.Embedding, wholeWords, language);
        for (var i = 0; i < sentenceWords.Length; i++)
        {
            if (utterance.SentenceEmbeddings[i] is { } embedding)
            {
                sentenceScores[i] = _model.FromMeaning(embedding, sentenceWords[i], language);
            }
        }

        var animalsOnly = HazardClauses.Of(utterance.Text).AboutAnimalsOnly;
        return new EmergencyScores(phrase, wholeWords, whole, sentenceWords, sentenceScores, cancelledPhrase, animalsOnly);
    }

    /// <summary>Whether the message holds a listed phrase (not excepted).</summary>
    public bool HasPhrase(string text) => _phrases.Detect(text) is not null;

    /// <summary>The phrase that stands, or the one its clause cancels and why.</summary>
    public EmergencyPhrase FindPhrase(string text) => _phrases.Find(text);
}
