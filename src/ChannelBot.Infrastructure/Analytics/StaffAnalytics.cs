namespace ChannelBot.Infrastructure.Analytics;

/// <summary>The figures of one period for supervisors (see <see cref="StaffAnalyticsQueries"/> for how each is reckoned).</summary>
/// <param name="Backlog">Every case open at <see cref="AnalyticsPeriod.Now"/>, whenever it was filed, by age.</param>
public sealed record StaffAnalytics(
    AnalyticsPeriod Period,
    int TotalCases,
    IReadOnlyList<AnalyticsCount> ByService,
    IReadOnlyList<AnalyticsCount> ByDepartment,
    IReadOnlyList<AnalyticsCount> ByArea,
    IReadOnlyList<AnalyticsCount> ByChannel,
    IReadOnlyList<ServiceTimes> Times,
    IReadOnlyList<BacklogBucket> Backlog,
    ReopenFigures Reopens);
