using System.Globalization;
using System.Text;

namespace ChannelBot.Testing.Understanding;

/// <summary>The evaluation as Markdown (docs/understanding/evaluation.md is this, written by the bench's <c>understanding</c> mode).</summary>
public static class EvaluationReport
{
    public static string Markdown(EvaluationResult result, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var md = new StringBuilder();
        if (header is not null)
        {
            md.AppendLine(header).AppendLine();
        }

        md.AppendLine("## Services").AppendLine();
        md.AppendLine("| language | descriptions | top-1 | top-3 | taken without asking | right when taken |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var l in result.Languages)
        {
            md.AppendLine(Invariant($"| {l.Language} | {l.Outcomes.Count} | {l.Top1:F1} % | {l.Top3:F1} % | {l.ConfidentShare:F1} % | {l.ConfidentPrecision:F1} % |"));
        }

        foreach (var l in result.Languages)
        {
            md.AppendLine().AppendLine(Invariant($"### {l.Language}: recall per service (first answer right)")).AppendLine();
            md.AppendLine("| service | descriptions | recall |").AppendLine("|---|---:|---:|");
            foreach (var (service, count, recall) in l.PerService)
            {
                md.AppendLine(Invariant($"| {service} | {count} | {recall:F1} % |"));
            }

            md.AppendLine().AppendLine(Invariant($"### {l.Language}: confusions (expected → first answer)")).AppendLine();
            md.AppendLine("| expected | first answer | count |").AppendLine("|---|---|---:|");
            foreach (var (expected, got, count) in l.Confusions.Take(25))
            {
                md.AppendLine(Invariant($"| {expected} | {got} | {count} |"));
            }
        }

        md.AppendLine().AppendLine("## Emergencies").AppendLine();
        md.AppendLine(Invariant($"- recall: {result.EmergencyRecall:F1} % of {result.EmergencyCount} emergencies told to call 911"));
        md.AppendLine(Invariant($"- false alarms: {result.FalseAlarmRate:F1} % of {result.NonEmergencyCount} non-emergencies"));
        Examples(md, "Missed", result.Missed);
        Examples(md, "False alarms", result.FalseAlarms);
        return md.ToString();
    }

    private static void Examples(StringBuilder md, string title, IEnumerable<EmergencyOutcome> outcomes)
    {
        var list = outcomes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        md.AppendLine().AppendLine(Invariant($"{title}:")).AppendLine();
        foreach (var o in list)
        {
            md.AppendLine(Invariant($"- ({o.Row.Language}) {o.Row.Text}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
