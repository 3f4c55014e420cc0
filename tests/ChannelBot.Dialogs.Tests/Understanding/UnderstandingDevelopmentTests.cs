using ChannelBot.Dialogs.Tests.Support;
using ChannelBot.Dialogs.Understanding;
using ChannelBot.Testing.Understanding;
using Xunit;
using Xunit.Abstractions;

namespace ChannelBot.Dialogs.Tests.Understanding;

/// <summary>
/// The real models over the development sets in Understanding/Development: messages written for tuning the
/// emergency screen and the Spanish services, apart from the dialog files' examples (other wording, other
/// situations). Unlike the held-out sets in Understanding/Data, these are read while settings and examples are
/// chosen, so their numbers are optimistic; the test prints the metrics with every miss and false alarm (and why the
/// screen decided so) and fails if they drop below what was reached.
/// </summary>
public sealed class UnderstandingDevelopmentTests(ITestOutputHelper output)
{
    private static readonly Lazy<MessageUnderstanding> _understanding = new(() => MessageUnderstanding.For(DialogsFolder.Load()));

    private static readonly Lazy<EvaluationSets> _sets = new(() => EvaluationSets.Read(EvaluationSets.FindFolder(EvaluationSets.Development)));

    private static readonly Lazy<EvaluationResult> _result = new(() => UnderstandingEvaluation.Run(_understanding.Value, _sets.Value));

    [Fact]
    public void The_sets_are_as_large_as_promised()
    {
        var sets = _sets.Value;
        Assert.True(sets.Emergencies.Count(e => e.Label == EvaluationSets.Emergency) >= 120);
        Assert.True(sets.Emergencies.Count(e => e.Label != EvaluationSets.Emergency) >= 200);
        Assert.True(sets.Services["es"].Count >= 100);
    }

    [Fact]
    public void Emergencies_are_told_to_call_911_and_tricky_messages_are_not()
    {
        var result = _result.Value;
        output.WriteLine($"emergencies: recall {result.EmergencyRecall:F1} % of {result.EmergencyCount}, false alarms {result.FalseAlarmRate:F1} % of {result.NonEmergencyCount}");
        foreach (var language in new[] { "en", "es" })
        {
            var rows = result.Emergencies.Where(e => e.Row.Language == language).ToList();
            output.WriteLine($"  {language}: missed {rows.Count(r => r.IsEmergency && !r.Alarmed)} of {rows.Count(r => r.IsEmergency)}, false alarms {rows.Count(r => !r.IsEmergency && r.Alarmed)} of {rows.Count(r => !r.IsEmergency)}");
        }

        foreach (var missed in result.Missed)
        {
            output.WriteLine($"missed ({missed.Row.Language}): {missed.Row.Text}\n    {_understanding.Value.ExplainEmergency(missed.Row.Text)}");
        }

        foreach (var alarm in result.FalseAlarms)
        {
            output.WriteLine($"false alarm ({alarm.Row.Language}): {alarm.Row.Text}\n    {_understanding.Value.ExplainEmergency(alarm.Row.Text)}");
        }

        // What issue 13 reached (docs/understanding/development.md); the goal is 100 % and at most 2 %.
        Assert.True(result.EmergencyRecall >= 98.4, $"recall {result.EmergencyRecall:F1} %");
        Assert.True(result.FalseAlarmRate <= 2.3, $"false alarms {result.FalseAlarmRate:F1} %");
    }

    [Fact]
    public void Spanish_descriptions_find_their_service()
    {
        var spanish = _result.Value.Language("es");
        output.WriteLine($"es: top-1 {spanish.Top1:F1} %, top-3 {spanish.Top3:F1} % of {spanish.Outcomes.Count}");
        foreach (var (expected, got, count) in spanish.Confusions)
        {
            output.WriteLine($"  {expected} → {got}: {count}");
        }

        foreach (var miss in spanish.Outcomes.Where(o => !o.InTop3))
        {
            output.WriteLine($"not in top 3 ({miss.Row.Label}, first {miss.First}): {miss.Row.Text}");
        }

        Assert.True(spanish.Top1 >= 85, $"top-1 {spanish.Top1:F1} %");
        Assert.True(spanish.Top3 >= 98, $"top-3 {spanish.Top3:F1} %");
    }
}
