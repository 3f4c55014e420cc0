using ChannelBot.Dialogs.Understanding;

namespace ChannelBot.Testing.Understanding;

/// <summary>
/// Runs the real understanding models over the evaluation sets, the way the engine uses them. For a description,
/// the bot's first answer is the service it takes without asking, else its likeliest service; it is right in the
/// top three when the service it takes is right or, when it asks, the right one is among the three likeliest
/// (the general request counts like any service here, though the bot always offers it as "Something else").
/// </summary>
public static class UnderstandingEvaluation
{
    public static EvaluationResult Run(MessageUnderstanding understanding, EvaluationSets sets)
    {
        ArgumentNullException.ThrowIfNull(understanding);
        ArgumentNullException.ThrowIfNull(sets);
        var languages = new List<LanguageResult>();
        foreach (var (language, rows) in sets.Services)
        {
            var outcomes = rows.Select(row =>
            {
                var (confident, ranked) = understanding.RecognizeAndRankService(row.Text, language);
                var first = confident ?? ranked[0];
                var inTop3 = confident is not null ? confident == row.Label : ranked.Take(3).Contains(row.Label);
                return new ServiceOutcome(row, first, inTop3, confident);
            }).ToList();
            languages.Add(new LanguageResult(language, outcomes));
        }

        var emergencies = sets.Emergencies.Select(row => new EmergencyOutcome(row, understanding.IsEmergency(row.Text))).ToList();
        return new EvaluationResult(languages, emergencies);
    }
}

public sealed record ServiceOutcome(LabelledText Row, string First, bool InTop3, string? Confident)
{
    public bool Right => First == Row.Label;
}

public sealed record EmergencyOutcome(LabelledText Row, bool Alarmed)
{
    public bool IsEmergency => Row.Label == EvaluationSets.Emergency;
}

public sealed record LanguageResult(string Language, IReadOnlyList<ServiceOutcome> Outcomes)
{
    public double Top1 => Share(Outcomes.Count(o => o.Right), Outcomes.Count);

    public double Top3 => Share(Outcomes.Count(o => o.InTop3), Outcomes.Count);

    /// <summary>Share of descriptions the bot takes without asking, and how often it is right then.</summary>
    public double ConfidentShare => Share(Outcomes.Count(o => o.Confident is not null), Outcomes.Count);

    public double ConfidentPrecision => Share(Outcomes.Count(o => o.Confident is not null && o.Right), Outcomes.Count(o => o.Confident is not null));

    public IEnumerable<(string Service, int Count, double Recall)> PerService =>
        Outcomes.GroupBy(o => o.Row.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), Share(g.Count(o => o.Right), g.Count())));

    public IEnumerable<(string Expected, string Got, int Count)> Confusions =>
        Outcomes.Where(o => !o.Right).GroupBy(o => (o.Row.Label, o.First))
            .Select(g => (g.Key.Label, g.Key.First, g.Count()))
            .OrderByDescending(c => c.Item3).ThenBy(c => c.Label, StringComparer.Ordinal).ThenBy(c => c.First, StringComparer.Ordinal);

    internal static double Share(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}

public sealed record EvaluationResult(IReadOnlyList<LanguageResult> Languages, IReadOnlyList<EmergencyOutcome> Emergencies)
{
    public LanguageResult Language(string code) => Languages.Single(l => l.Language == code);

    public int EmergencyCount => Emergencies.Count(e => e.IsEmergency);

    public int NonEmergencyCount => Emergencies.Count(e => !e.IsEmergency);

    public double EmergencyRecall => LanguageResult.Share(Emergencies.Count(e => e.IsEmergency && e.Alarmed), EmergencyCount);

    public double FalseAlarmRate => LanguageResult.Share(Emergencies.Count(e => !e.IsEmergency && e.Alarmed), NonEmergencyCount);

    public IEnumerable<EmergencyOutcome> Missed => Emergencies.Where(e => e.IsEmergency && !e.Alarmed);

    public IEnumerable<EmergencyOutcome> FalseAlarms => Emergencies.Where(e => !e.IsEmergency && e.Alarmed);
}
