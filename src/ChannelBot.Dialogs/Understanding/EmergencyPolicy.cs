namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The scores of one message the emergency decision rests on: whether it holds a listed phrase, the word model's
/// score and the mixed score of the whole message, and the same two for each sentence when there are several
/// (a mixed score is NaN where it was not computed).
/// </summary>
internal sealed record EmergencyScores(bool Phrase, double WholeWords, double Whole, double[] SentenceWords, double[] Sentences);

/// <summary>
/// The emergency decision (<see cref="EmergencyRecognizer"/> explains it) as numbers, so the cross-validation can
/// try others: <see cref="Default"/> are the ones chosen (<see cref="UnderstandingThresholds"/>).
/// </summary>
internal sealed record EmergencyPolicy(double Gate, double Minimum, double PhraseOverruled, double SentenceMinimum)
{
    public static EmergencyPolicy Default { get; } = new(
        UnderstandingThresholds.EmergencyGate,
        UnderstandingThresholds.EmergencyMinimum,
        UnderstandingThresholds.PhraseOverruled,
        UnderstandingThresholds.SentenceMinimum);

    /// <summary>Whether the word model alone rules the message out (no phrase, no sentence it scores at the gate): nothing needs embedding.</summary>
    public bool RulesOut(bool phrase, double wholeWords, double[] sentenceWords) =>
        !phrase && wholeWords < Gate && !sentenceWords.Any(s => s >= Gate);

    public bool IsEmergency(EmergencyScores scores)
    {
        if (RulesOut(scores.Phrase, scores.WholeWords, scores.SentenceWords))
        {
            return false;
        }

        if (scores.Phrase)
        {
            return scores.Whole >= PhraseOverruled;
        }

        if (scores.Whole >= Minimum)
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
