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
    /// Share of the embedding vote in the emergency score, the rest being the word model's, by the language the
    /// message's own words point at (<see cref="Recognizers.LanguageGuess"/>; English when they do not tell). Since
    /// issue 13: 0.7 in English (the word model, trained on a few hundred examples, swings on single words; the
    /// nearest examples read paraphrase) and 0.3 in Spanish, where the English-trained sentence model put real
    /// emergencies of the development set ("se volcó un tráiler", "una convulsión") at a vote of 0.2 while the
    /// words were sure: as for services, the words carry Spanish.
    /// </summary>
    public static double EmergencyEmbeddingShare(string? language) =>
        string.Equals(language, "es", StringComparison.OrdinalIgnoreCase) ? 0.3 : 0.7;

    /// <summary>A message without a listed phrase is an emergency from this score up.</summary>
    public const double EmergencyMinimum = 0.25;

    /// <summary>A listed phrase stands unless the score is below this (negated, past, animal).</summary>
    public const double PhraseOverruled = 0.2;

    /// <summary>
    /// A message whose only listed phrases its clauses take back (negated, over, an animal's, an everyday source:
    /// <see cref="Recognizers.HazardClauses"/>) is an emergency from this score up, and so is one about animals and
    /// no person; a cancelled phrase is always embedded, whatever the gate says.
    /// </summary>
    public const double CancelledPhraseMinimum = 0.7;

    /// <summary>
    /// Below this word-model score a message is not embedded for the emergency screen: a cost setting. At 0.1 the
    /// everyday answers of an intake ("yes", "123 Main St", "next to the curb", "send it") stay below it and cost
    /// microseconds. 0.05 since issue 13: on the development set the word model alone scored real emergencies in
    /// words it had never seen ("crushing chest pain", "the trench caved in") under 0.1 while the mix put them at
    /// 0.7; missing an emergency costs more than embedding an answer such as "send it".
    /// </summary>
    public const double EmergencyGate = 0.05;

    /// <summary>One sentence of a longer message is an emergency from this score up.</summary>
    public const double SentenceMinimum = 0.7;
}
