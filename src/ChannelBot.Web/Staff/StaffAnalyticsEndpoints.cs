using System.Globalization;
using System.Text;
using ChannelBot.Application.Dialogs;
using ChannelBot.Infrastructure.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>GET /api/staff/analytics?from=&amp;to=</c>: the figures of a period for supervisors (cases by service, department,
/// area and channel; times to acknowledge and to resolve; the share resolved within target; the backlog by age; the
/// reopen rate), and each table as CSV at <c>/api/staff/analytics/{table}.csv</c>. Admins and operators only (the
/// supervisors' roles): the figures cover every department. How each figure is reckoned:
/// <see cref="StaffAnalyticsQueries"/> and docs/adr/0014-staff-analytics.md.
/// </summary>
public static class StaffAnalyticsEndpoints
{
    /// <summary>What residents answer to "Is it fixed?": only "no" leaves a trace (it reopens the case).</summary>
    public const string FixedAnswersNote =
        "Residents' answers to \"Is it fixed?\": a \"no\" reopens the case and is counted in reopenedByResidents; a \"yes\" is only thanked and not recorded, so no share of \"yes\" answers can be shown.";

    public static IEndpointRouteBuilder MapStaffAnalytics(this IEndpointRouteBuilder endpoints)
    {
        var analytics = endpoints.MapGroup("/api/staff/analytics")
            .RequireAuthorization(StaffRoles.OperatorPolicy)
            .WithTags("Analytics");
        analytics.MapGet("/", GetAsync)
            .WithName("GetStaffAnalytics")
            .WithSummary("Figures of a period (city dates, both inclusive; the last 30 days by default) for supervisors.");
        analytics.MapGet("/{table}.csv", CsvAsync)
            .WithName("GetStaffAnalyticsCsv")
            .WithSummary($"One table of the figures as CSV: {string.Join(", ", AnalyticsTables.Names)}.");
        return endpoints;
    }

    private static async Task<Results<Ok<AnalyticsDto>, ProblemHttpResult>> GetAsync(
        string? from, string? to, StaffAnalyticsQueries queries, IDialogEngineSource dialogs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (figures, problem) = await ReckonAsync(from, to, queries, dialogs, clock, cancellationToken);
        return figures is null
            ? TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad period")
            : TypedResults.Ok(figures);
    }

    private static async Task<IResult> CsvAsync(
        string table, string? from, string? to, StaffAnalyticsQueries queries, IDialogEngineSource dialogs, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!AnalyticsTables.Names.Contains(table, StringComparer.Ordinal))
        {
            return TypedResults.Problem($"There is no table '{table}': use {string.Join(", ", AnalyticsTables.Names)}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown table");
        }

        var (figures, problem) = await ReckonAsync(from, to, queries, dialogs, clock, cancellationToken);
        if (figures is null)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad period");
        }

        var (header, rows) = AnalyticsTables.Table(table, figures);
        response.Headers.ContentDisposition = $"attachment; filename=\"analytics-{table}-{figures.From}-to-{figures.To}.csv\"";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";

        // With a byte order mark, so a spreadsheet reads accents and other letters as UTF-8.
        return TypedResults.Text(AnalyticsCsv.Write(header, rows), AnalyticsCsv.ContentType, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static async Task<(AnalyticsDto? Figures, string? Problem)> ReckonAsync(
        string? from, string? to, StaffAnalyticsQueries queries, IDialogEngineSource dialogs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var engine = dialogs.Current;
        var zone = engine.CityTimeZone;
        var now = clock.GetUtcNow();
        var (days, problem) = AnalyticsDays.Parse(from, to, now, zone);
        if (days is null)
        {
            return (null, problem);
        }

        var figures = await queries.ReckonAsync(days.Period(now, zone), cancellationToken);
        var definitions = engine.Definitions;
        var language = definitions.DefaultLanguage;
        var services = definitions.Catalog.Services.ToDictionary(s => s.Code, s => s.Name.Get(language), StringComparer.Ordinal);
        var departments = definitions.Catalog.Departments.ToDictionary(d => d.Code, d => d.Name.Get(language), StringComparer.Ordinal);
        string Service(string code) => services.GetValueOrDefault(code) ?? code;
        IReadOnlyList<AnalyticsCountDto> Counts(IReadOnlyList<AnalyticsCount> counts, Func<string, string> name, string none) =>
            [.. counts.Select(c => new AnalyticsCountDto(c.Key, c.Key is null ? none : name(c.Key), c.Count))];

        return (new AnalyticsDto(
            AnalyticsDays.Text(days.From),
            AnalyticsDays.Text(days.To),
            zone.Id,
            now,
            figures.TotalCases,
            Counts(figures.ByService, Service, "(no service)"),
            Counts(figures.ByDepartment, code => departments.GetValueOrDefault(code) ?? code, "(no department)"),
            Counts(figures.ByArea, area => area, "(no area)"),
            Counts(figures.ByChannel, channel => channel, "(no channel)"),
            [.. figures.Times.Select(t => new ServiceTimesDto(
                t.ServiceCode,
                Service(t.ServiceCode),
                t.Cases,
                t.Acknowledged,
                Round(t.AcknowledgeMedianHours),
                Round(t.AcknowledgeP90Hours),
                t.Resolved,
                Round(t.ResolveMedianHours),
                Round(t.ResolveP90Hours),
                t.WithTarget,
                t.MetTarget,
                t.WithTarget == 0 ? null : Round((double)t.MetTarget / t.WithTarget)))],
            [.. figures.Backlog.Select(b => new BacklogBucketDto(b.Label, b.MinDays, b.MaxDays, b.Count))],
            new ReopensDto(figures.Reopens.Resolved, figures.Reopens.Reopened, figures.Reopens.ReopenedByResidents, Round(figures.Reopens.Rate)),
            [FixedAnswersNote]), null);
    }

    /// <summary>To a thousandth (of an hour: 3.6 seconds; of a share: 0.1 %).</summary>
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3, MidpointRounding.AwayFromZero) : null;

    internal static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty;
}
