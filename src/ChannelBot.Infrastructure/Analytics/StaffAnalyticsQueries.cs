using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Analytics;

/// <summary>
/// The supervisors' figures for a period, reckoned by the database (EF Core LINQ translated to SQL, the same on SQLite
/// and PostgreSQL); no case is loaded whole. Definitions (docs/adr/0014-staff-analytics.md):
/// <list type="bullet">
/// <item>The period's cases are those filed (<see cref="Case.CreatedAt"/>) within it.</item>
/// <item><b>Acknowledged</b>: the case's first status change after its submission, whatever it moved to (the
/// first history entry of kind <see cref="CaseChangeKind.Status"/> after entry 1). Assigning, recategorising and
/// relocating keep the status and do not count.</item>
/// <item><b>Resolved</b> (closed): the first status change to <see cref="CaseStatus.Fixed"/> or
/// <see cref="CaseStatus.Closed"/>, the two statuses Open311 calls closed; a later reopening does not move it.</item>
/// <item><b>Within target</b>: first resolved at or before <see cref="Case.DueAt"/>, the due time the catalog's
/// <c>sla</c> gave the case when it was filed (business or calendar days in the city's time zone). A case whose
/// service has no <c>sla</c> has no due time and is not counted; an open case counts as missed once its due time
/// has passed and is not counted before.</item>
/// <item>Cases closed as duplicates are left out of the times, the targets and the reopen rate (they are closed at
/// once and their work is the original's) but counted by service, department, area and channel.</item>
/// <item><b>Backlog</b>: every case open at the moment of the figures (not fixed, not closed), whenever filed, by
/// its age in whole days.</item>
/// </list>
/// Medians and 90th percentiles are worked out here from one row of timestamps per case of the period (see
/// <see cref="Percentile"/>): SQLite has no percentile function and stores times as ticks, PostgreSQL as
/// timestamptz, so the subtraction and the percentile differ by provider while these rows do not.
/// </summary>
public sealed class StaffAnalyticsQueries
{
    /// <summary>The longest period asked for at once (a year, leap day included): bounds the rows read for percentiles.</summary>
    public const int MaxDays = 366;

    private const double SecondsPerHour = 3600;

    private static readonly (string Label, int MinDays, int? MaxDays)[] Buckets =
    [
        ("0-2 d", 0, 2),
        ("3-7 d", 3, 7),
        ("8-30 d", 8, 30),
        (">30 d", 31, null),
    ];

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;

    internal StaffAnalyticsQueries(IDbContextFactory<ChannelBotDbContext> databases) => _databases = databases;

    public async Task<StaffAnalytics> ReckonAsync(AnalyticsPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.To <= period.From)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(period));
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var from = period.From;
        var to = period.To;
        var filed = db.Cases.AsNoTracking().Where(c => c.CreatedAt >= from && c.CreatedAt < to);

        var byService = await CountAsync(filed.GroupBy(c => c.ServiceCode).Select(g => new AnalyticsCount(g.Key, g.Count())), cancellationToken).ConfigureAwait(false);
        var byDepartment = await CountAsync(filed.GroupBy(c => c.Department).Select(g => new AnalyticsCount(g.Key, g.Count())), cancellationToken).ConfigureAwait(false);
        var byArea = await CountAsync(filed.GroupBy(c => c.Location.Area).Select(g => new AnalyticsCount(g.Key, g.Count())), cancellationToken).ConfigureAwait(false);
        var byChannel = await CountAsync(filed.GroupBy(c => c.ChannelId).Select(g => new AnalyticsCount(g.Key, g.Count())), cancellationToken).ConfigureAwait(false);

        var worked = filed.Where(c => c.ClosureReason == null || c.ClosureReason != CaseClosureReason.Duplicate);
        var times = await TimesAsync(worked, period.Now, cancellationToken).ConfigureAwait(false);
        var reopens = await ReopensAsync(worked, cancellationToken).ConfigureAwait(false);
        var backlog = await BacklogAsync(db, period.Now, cancellationToken).ConfigureAwait(false);
        return new StaffAnalytics(period, byService.Sum(c => c.Count), byService, byDepartment, byArea, byChannel, times, backlog, reopens);
    }

    private static async Task<IReadOnlyList<AnalyticsCount>> CountAsync(IQueryable<AnalyticsCount> counts, CancellationToken cancellationToken)
    {
        var list = await counts.ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. list.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>One row per case of the period (its service, filing, due, first answer and first resolution), then the figures per service.</summary>
    private static async Task<IReadOnlyList<ServiceTimes>> TimesAsync(IQueryable<Case> worked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // History entries are numbered in the order they happened, so the first by Sequence is the earliest (an
        // integer to order by: SQLite cannot take MIN of a DateTimeOffset).
        var rows = await worked
            .Select(c => new
            {
                c.ServiceCode,
                c.CreatedAt,
                c.DueAt,
                AcknowledgedAt = c.History
                    .Where(h => h.Kind == CaseChangeKind.Status && h.Sequence > 1)
                    .OrderBy(h => h.Sequence)
                    .Select(h => (DateTimeOffset?)h.At)
                    .FirstOrDefault(),
                ResolvedAt = c.History
                    .Where(h => h.Kind == CaseChangeKind.Status && (h.To == CaseStatus.Fixed || h.To == CaseStatus.Closed))
                    .OrderBy(h => h.Sequence)
                    .Select(h => (DateTimeOffset?)h.At)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        return [.. rows
            .GroupBy(r => r.ServiceCode, StringComparer.Ordinal)
            .Select(g =>
            {
                var acknowledge = Hours(g.Where(r => r.AcknowledgedAt is not null).Select(r => r.AcknowledgedAt!.Value - r.CreatedAt));
                var resolve = Hours(g.Where(r => r.ResolvedAt is not null).Select(r => r.ResolvedAt!.Value - r.CreatedAt));
                var judged = g.Where(r => r.DueAt is { } due && (r.ResolvedAt is not null || now > due)).ToList();
                return new ServiceTimes(
                    g.Key,
                    g.Count(),
                    acknowledge.Count,
                    Percentile.Continuous(acknowledge, 0.5),
                    Percentile.Continuous(acknowledge, 0.9),
                    resolve.Count,
                    Percentile.Continuous(resolve, 0.5),
                    Percentile.Continuous(resolve, 0.9),
                    judged.Count,
                    judged.Count(r => r.ResolvedAt <= r.DueAt));
            })
            .OrderByDescending(t => t.Cases)
            .ThenBy(t => t.ServiceCode, StringComparer.Ordinal)];
    }

    private static List<double> Hours(IEnumerable<TimeSpan> durations)
    {
        var hours = durations.Select(d => d.TotalSeconds / SecondsPerHour).ToList();
        hours.Sort();
        return hours;
    }

    private static async Task<ReopenFigures> ReopensAsync(IQueryable<Case> worked, CancellationToken cancellationToken)
    {
        var resolved = worked.Where(c => c.History.Any(h => h.Kind == CaseChangeKind.Status && (h.To == CaseStatus.Fixed || h.To == CaseStatus.Closed)));
        var figures = await resolved
            .GroupBy(c => 1)
            .Select(g => new
            {
                Resolved = g.Count(),
                Reopened = g.Count(c => c.History.Any(h => h.Kind == CaseChangeKind.Status && h.To == CaseStatus.Reopened)),
                ByResidents = g.Count(c => c.History.Any(h => h.Kind == CaseChangeKind.Status && h.To == CaseStatus.Reopened && h.By == CaseActors.Resident)),
            })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return figures is null ? new ReopenFigures(0, 0, 0) : new ReopenFigures(figures.Resolved, figures.Reopened, figures.ByResidents);
    }

    /// <summary>Open cases by age: one grouped count, the bucket picked by comparing the filing time with three instants.</summary>
    private static async Task<IReadOnlyList<BacklogBucket>> BacklogAsync(ChannelBotDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var threeDays = now.AddDays(-3);
        var eightDays = now.AddDays(-8);
        var thirtyOneDays = now.AddDays(-31);
        var counts = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Fixed && c.Status != CaseStatus.Closed)
            .GroupBy(c => c.CreatedAt > threeDays ? 0 : c.CreatedAt > eightDays ? 1 : c.CreatedAt > thirtyOneDays ? 2 : 3)
            .Select(g => new { Bucket = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. Buckets.Select((b, i) => new BacklogBucket(b.Label, b.MinDays, b.MaxDays, counts.FirstOrDefault(c => c.Bucket == i)?.Count ?? 0))];
    }
}
