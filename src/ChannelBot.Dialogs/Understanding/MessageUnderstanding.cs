using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The understanding models of a set of dialog files, for tools outside the engine (the evaluation command, the
/// quality tests): what the engine would make of one message, without a conversation around it. Built like the
/// engine's (and shared with it when the files are the same).
/// </summary>
public sealed class MessageUnderstanding
{
    private readonly UnderstandingModels _models;

    private MessageUnderstanding(UnderstandingModels models) => _models = models;

    public static MessageUnderstanding For(DialogDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return new MessageUnderstanding(UnderstandingModels.For(definitions));
    }

    /// <summary>Every service code with its probability, best first (the meaning path, always).</summary>
    public IReadOnlyList<(string Code, double Probability)> RankServices(string text, string language) =>
        [.. _models.Services.Ranked(new Utterance(Runtime.MessageText.Cap(text)), language).Select(r => (r.Service.Code, r.Probability))];

    /// <summary>What the category question does with the message: a service taken without asking, or the suggestions shown.</summary>
    public (string? Confident, IReadOnlyList<string> Suggestions) RecognizeService(string text, string language)
    {
        var recognition = _models.Services.Recognize(new Utterance(Runtime.MessageText.Cap(text)), language);
        return (recognition.Confident?.Code, [.. recognition.Suggestions.Select(s => s.Code)]);
    }

    /// <summary><see cref="RecognizeService"/> and <see cref="RankServices"/> from one reading of the message.</summary>
    public (string? Confident, IReadOnlyList<string> Ranked) RecognizeAndRankService(string text, string language)
    {
        var utterance = new Utterance(Runtime.MessageText.Cap(text));
        var recognition = _models.Services.Recognize(utterance, language);
        return (recognition.Confident?.Code, [.. _models.Services.Ranked(utterance, language).Select(r => r.Service.Code)]);
    }

    /// <summary>
    /// What the engine makes of one free-text message at the category question: the emergency screen, then (if it
    /// is not an emergency) the service recognition, sharing one reading of the message as a turn does.
    /// </summary>
    public (bool Emergency, string? Confident, IReadOnlyList<string> Suggestions) Read(string text, string language)
    {
        var utterance = new Utterance(Runtime.MessageText.Cap(text));
        if (_models.Emergency.Detect(utterance) is not null)
        {
            return (true, null, []);
        }

        var recognition = _models.Services.Recognize(utterance, language);
        return (false, recognition.Confident?.Code, [.. recognition.Suggestions.Select(s => s.Code)]);
    }

    /// <summary>Why the emergency screen decides as it does: the phrase found, the scores of the whole and of each sentence.</summary>
    public string ExplainEmergency(string text)
    {
        var utterance = new Utterance(Runtime.MessageText.Cap(text));
        var found = _models.Emergency.FindPhrase(utterance.Text);
        var phrase = found.Phrase is not null;
        var scores = _models.Emergency.Scores(utterance, phrase, EmergencyPolicy.NoGate, found.Cancelled is not null);
        var sentences = string.Join("; ", utterance.Sentences.Select((s, i) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"\"{s.Trim()}\" words {(scores.SentenceWords.Length > i ? scores.SentenceWords[i] : scores.WholeWords):F2} mixed {(scores.Sentences.Length > i ? scores.Sentences[i] : scores.Whole):F2}")));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"emergency {EmergencyPolicy.Default.IsEmergency(scores)}: phrase {phrase}{(found.Cancelled is { } c ? $" (\"{c.Phrase}\" {c.Reason})" : "")}, words {scores.WholeWords:F2}, mixed {scores.Whole:F2}; sentences: {sentences}");
    }

    /// <summary>Whether the engine answers the message with "call 911 now".</summary>
    public bool IsEmergency(string text) => _models.Emergency.Detect(new Utterance(Runtime.MessageText.Cap(text))) is not null;
}
