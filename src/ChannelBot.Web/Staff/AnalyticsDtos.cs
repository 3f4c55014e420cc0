namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>GET /api/staff/analytics</c>: the figures of a period for supervisors. Dates are the city's (<see cref="TimeZone"/>),
/// both inclusive; durations are in hours; shares are fractions (0 to 1), null when there is nothing to divide by.
/// </summary>
/// <param name="GeneratedAt">The moment the backlog and open cases past their due time are judged at.</param>
/// <param name="Notes">What the figures cannot show, in words (e.g. residents' "yes, it is fixed" is not recorded).</param>
public sealed record AnalyticsDto(
    string From,
    string To,
    string TimeZone,
    DateTimeOffset GeneratedAt,
    int TotalCases,
    IReadOnlyList<AnalyticsCountDto> ByService,
    IReadOnlyList<AnalyticsCountDto> ByDepartment,
    IReadOnlyList<AnalyticsCountDto> ByArea,
    IReadOnlyList<AnalyticsCountDto> ByChannel,
    IReadOnlyList<ServiceTimesDto> Times,
    IReadOnlyList<BacklogBucketDto> Backlog,
    ReopensDto Reopens,
    IReadOnlyList<string> Notes);

/// <summary>Cases of the period with one value: a service, department, area or channel (code null: cases without one).</summary>
public sealed record AnalyticsCountDto(string? Code, string Name, int Count);

/// <summary>
/// One service's times to acknowledge and to resolve (median and 90th percentile, hours) and its share resolved within
/// the catalog's target (<c>sla</c>), over the period's cases (duplicates left out).
/// </summary>
public sealed record ServiceTimesDto(
    string ServiceCode,
    string ServiceName,
    int Cases,
    int Acknowledged,
    double? AcknowledgeMedianHours,
    double? AcknowledgeP90Hours,
    int Resolved,
    double? ResolveMedianHours,
    double? ResolveP90Hours,
    int WithTarget,
    int MetTarget,
    double? TargetShare);

/// <summary>Cases open at <see cref="AnalyticsDto.GeneratedAt"/> aged <see cref="MinDays"/> to <see cref="MaxDays"/> whole days (null: no limit).</summary>
public sealed record BacklogBucketDto(string Bucket, int MinDays, int? MaxDays, int Count);

/// <summary>Of the period's resolved cases, how many were reopened, by anyone and by the resident ("not fixed").</summary>
public sealed record ReopensDto(int Resolved, int Reopened, int ReopenedByResidents, double? Rate);
