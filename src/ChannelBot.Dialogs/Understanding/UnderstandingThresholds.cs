namespace ChannelBot.Dialogs.Understanding;

/// <summary>
/// The numbers of the understanding models, each chosen by cross-validation on the dialog files' own examples
/// (never on the evaluation sets in tests/, which only measure): docs/understanding/evaluation.md has the runs
/// and docs/adr/0009-understanding-residents.md the reasons.
/// </summary>
internal static class UnderstandingThresholds
{
    /// <summary>
    /// Share of the embedding vote in the service probabilities, the rest being the word model's. The sentence
    /// model was trained on English: in English both halves help equally; in Spanish the words carry more.
    /// </summary>
    public static double EmbeddingShare(string language) =>
        string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? 0.5 : 0.2;

    /// <summary>The word model's probability for the keyword's service above which the keywords are trusted alone.</summary>
    public const double FastPathAgreement = 0.5;

    /// <summary>A service is taken without asking when its probability is at least this...</summary>
    public const double ConfidentMinimum = 0.6;

    /// <summary>...and at least this many times the runner-up's.</summary>
    public const double ClearLeadRatio = 2.0;

    /// <summary>Services suggested when none is clear (the general request, "Something else", comes on top of these).</summary>
    public const int Suggestions = 3;

    /// <summary>
    /// Share of the nearest emergency examples' vote in the emergency score, the rest being the joint model's (words
    /// and embedding in one logistic regression). The joint model tells emergencies from look-alikes best on its own
    /// (it learns which directions of meaning matter); a little of the vote helps paraphrases far from the words of
    /// the examples.
    /// </summary>
    public const double EmergencyNearestShare = 0.3;

    /// <summary>Scale of the embedding's numbers next to the word features in the joint emergency model (both have length 1).</summary>
    public const float EmergencyMeaningWeight = 1f;

    /// <summary>
    /// A message without a listed phrase is an emergency from this score up. Set by cost: a missed emergency costs
    /// far more than a false alarm, so this is the highest threshold that still tells every emergency of the
    /// development set to call 911 (docs/understanding/development.md), not the one with the fewest errors.
    /// </summary>
    public const double EmergencyMinimum = 0.26;

    /// <summary>A listed phrase stands unless the score is below this (negated, past, animal, another sense).</summary>
    public const double PhraseOverruled = 0.16;

    /// <summary>
    /// Below this word-model score a short message (at most <see cref="EmergencyGateWords"/> words) is not embedded
    /// for the emergency screen: a cost setting. At 0.1 the everyday answers of an intake ("yes", "123 Main St",
    /// "next to the curb", "send it") stay below it and cost microseconds. Longer messages are always read for
    /// meaning: emergencies told without an alarming word ("whole family is nauseous and the co alarm went off")
    /// score near 0 on words alone.
    /// </summary>
    public const double EmergencyGate = 0.1;

    /// <summary>Messages of at most this many words may be ruled out by the word model alone (<see cref="EmergencyGate"/>).</summary>
    public const int EmergencyGateWords = 4;

    /// <summary>One sentence of a longer message is an emergency from this score up.</summary>
    public const double SentenceMinimum = 0.5;
}
