namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The scores of one message the emergency decision rests on: whether it holds a listed phrase that stands, or only
/// one its clause cancels (<see cref="Recognizers.PhraseCancel"/>), whether it is about animals only, the word model's
/// score and the mixed score of the whole message, and the same two for each sentence when there are several
/// (a mixed score is NaN where it was not computed).
/// </summary>
internal sealed record EmergencyScores(bool Phrase, double WholeWords, double Whole, double[] SentenceWords, double[] Sentences, bool CancelledPhrase = false, bool AboutAnimalsOnly = false);

/// <summary>
/// The emergency decision (<see cref="EmergencyRecognizer"/> explains it) as numbers, so the cross-validation can
/// try others: <see cref="Default"/> are the ones chosen (<see cref="UnderstandingThresholds"/>).
/// </summary>
internal sealed record EmergencyPolicy(double Gate, double Minimum, double PhraseOverruled, double SentenceMinimum, double CancelledMinimum)
{
    public static EmergencyPolicy Default { get; } = new(
        UnderstandingThresholds.EmergencyGate,
        UnderstandingThresholds.EmergencyMinimum,
        UnderstandingThresholds.PhraseOverruled,
        UnderstandingThresholds.SentenceMinimum,
        UnderstandingThresholds.CancelledPhraseMinimum);

    /// <summary>Every score computed (no gate) and read: the cross-validation and the explanations.</summary>
    public static EmergencyPolicy NoGate { get; } = new(0, 1, 0, 1, 1);

    /// <summary>
    /// Whether the word model alone rules the message out (no phrase, not even a cancelled one, no sentence it
    /// scores at the gate): nothing needs embedding.
    /// </summary>
    public bool RulesOut(bool phrase, double wholeWords, double[] sentenceWords) =>
        !phrase && wholeWords < Gate && !sentenceWords.Any(s => s >= Gate);

    public bool IsEmergency(EmergencyScores scores)
    {
        if (RulesOut(scores.Phrase || scores.CancelledPhrase, scores.WholeWords, scores.SentenceWords))
        {
            return false;
        }

        if (scores.Phrase)
        {
            return scores.Whole >= PhraseOverruled;
        }

        // The message names a hazard its own words take back ("isn't sparking", "the fire last week"), or it is about
        // an animal and no person (a 311 animal matter): only a clear meaning of emergency stands.
        if (scores.Whole >= (scores.CancelledPhrase || scores.AboutAnimalsOnly ? CancelledMinimum : Minimum))
        {
            return true;
        }

        for (var i = 0; i < scores.Sentences.Length; i++)
        {
            if (scores.SentenceWords[i] >= Gate && scores.Sentences[i] >= SentenceMinimum)
            {
                return true;
            }
        }

        return false;
    }
}
