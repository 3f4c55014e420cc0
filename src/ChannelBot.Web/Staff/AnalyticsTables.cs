using System.Globalization;

namespace ChannelBot.Web.Staff;

/// <summary>The tables of <see cref="AnalyticsDto"/> as rows of text, for CSV: one per table the console shows.</summary>
public static class AnalyticsTables
{
    public static IReadOnlyList<string> Names { get; } = ["services", "departments", "areas", "channels", "times", "backlog", "reopens"];

    public static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) Table(string name, AnalyticsDto figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return name switch
        {
            "services" => Counts("service", figures.ByService),
            "departments" => Counts("department", figures.ByDepartment),
            "areas" => Counts("area", figures.ByArea),
            "channels" => Counts("channel", figures.ByChannel),
            "times" => (
                ["service_code", "service", "cases", "acknowledged", "acknowledge_median_hours", "acknowledge_p90_hours", "resolved", "resolve_median_hours", "resolve_p90_hours", "with_target", "met_target", "target_share"],
                figures.Times.Select(t => (IReadOnlyList<string?>)
                [
                    t.ServiceCode, t.ServiceName, Whole(t.Cases), Whole(t.Acknowledged),
                    StaffAnalyticsEndpoints.Number(t.AcknowledgeMedianHours), StaffAnalyticsEndpoints.Number(t.AcknowledgeP90Hours),
                    Whole(t.Resolved), StaffAnalyticsEndpoints.Number(t.ResolveMedianHours), StaffAnalyticsEndpoints.Number(t.ResolveP90Hours),
                    Whole(t.WithTarget), Whole(t.MetTarget), StaffAnalyticsEndpoints.Number(t.TargetShare),
                ])),
            "backlog" => (
                ["age", "min_days", "max_days", "open_cases"],
                figures.Backlog.Select(b => (IReadOnlyList<string?>)[b.Bucket, Whole(b.MinDays), b.MaxDays is { } max ? Whole(max) : null, Whole(b.Count)])),
            "reopens" => (
                ["resolved", "reopened", "reopened_by_residents", "reopen_rate"],
                [[Whole(figures.Reopens.Resolved), Whole(figures.Reopens.Reopened), Whole(figures.Reopens.ReopenedByResidents), StaffAnalyticsEndpoints.Number(figures.Reopens.Rate)]]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a table of the analytics."),
        };
    }

    private static (IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows) Counts(string what, IReadOnlyList<AnalyticsCountDto> counts) =>
        ([what + "_code", what, "cases"], counts.Select(c => (IReadOnlyList<string?>)[c.Code, c.Name, Whole(c.Count)]));

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
