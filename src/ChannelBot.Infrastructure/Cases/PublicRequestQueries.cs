using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Reads requests for the public pages, only through <see cref="PublicDisclosure"/>'s projections: a page of the list
/// (newest first, paged in SQL), the newest points for the map and the feed, one request with its public history, and
/// the areas cases carry. Every query is untracked, filtered on the indexed columns (CreatedAt, Status, ServiceCode;
/// DuplicateOf for the followers) and reads a bounded number of rows.
/// </summary>
public sealed class PublicRequestQueries(IDbContextFactory<ChannelBotDbContext> databases)
{
    /// <summary>The furthest page served: deep offsets cost a scan, and nobody reads 50,000 requests a page at a time.</summary>
    public const int MaxPage = 1000;

    /// <summary>Matches are counted up to this many (a year of a big city's requests is not counted row by row on every view).</summary>
    public const int MaxCounted = 10_000;

    /// <summary>
    /// One page of the requests that match, newest first, and how many match in all, counted up to
    /// <see cref="MaxCounted"/>: a total of <see cref="MaxCounted"/> + 1 means "more than that".
    /// </summary>
    public async Task<(IReadOnlyList<PublicRequest> Requests, int Total)> ListAsync(PublicRequestCriteria criteria, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var matching = Matching(db, criteria);
        var total = await matching.Take(MaxCounted + 1).CountAsync(cancellationToken).ConfigureAwait(false);
        var skip = (long)(Math.Clamp(page, 1, MaxPage) - 1) * pageSize;
        if (skip >= total)
        {
            return ([], total);
        }

        var requests = await matching
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id)
            .Skip((int)skip)
            .Take(pageSize)
            .Select(PublicDisclosure.Request)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return (requests, total);
    }

    /// <summary>The newest requests that match and have a point on the map, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PublicRequest>> MapAsync(PublicRequestCriteria criteria, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Matching(db, criteria)
            .Where(c => c.Location.Latitude != null && c.Location.Longitude != null)
            .OrderByDescending(c => c.CreatedAt)   // no tie-breaker: nothing is paged, and the CreatedAt index alone gives the order
            .Take(limit)
            .Select(PublicDisclosure.Request)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// One request with its public history and followers; for a case closed as a duplicate, the ticket of the case it
    /// follows instead (its page is the original's); neither when there is no such ticket.
    /// </summary>
    public async Task<(PublicRequestDetail? Request, TicketNumber? Original)> GetAsync(TicketNumber ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Ticket == ticket)
            .Select(c => new { c.Id, c.DuplicateOf })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (found is null)
        {
            return (null, null);
        }

        if (found.DuplicateOf is { } original)
        {
            return (null, original);
        }

        var request = await db.Cases.AsNoTracking()
            .Where(c => c.Id == found.Id)
            .Select(PublicDisclosure.Request)
            .FirstAsync(cancellationToken)
            .ConfigureAwait(false);
        var history = await db.Cases.AsNoTracking()
            .Where(c => c.Id == found.Id)
            .SelectMany(c => c.History)
            .Where(PublicDisclosure.PublicHistory)
            .OrderBy(h => h.Sequence)
            .Select(PublicDisclosure.Update)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var followers = await db.Cases.AsNoTracking()
            .CountAsync(c => c.DuplicateOf == ticket, cancellationToken)
            .ConfigureAwait(false);
        return (new PublicRequestDetail(request, history, followers), null);
    }

    /// <summary>The areas (wards) that cases filed since <paramref name="since"/> carry, for a city whose map has none loaded.</summary>
    public async Task<IReadOnlyList<string>> AreasAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var areas = await db.Cases.AsNoTracking()
            .Where(c => c.CreatedAt >= since && c.Location.Area != null)
            .Select(c => c.Location.Area!)
            .Distinct()
            .Take(200)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. areas.Order(StringComparer.OrdinalIgnoreCase)];
    }

    private static IQueryable<Case> Matching(ChannelBotDbContext db, PublicRequestCriteria criteria)
    {
        // Duplicates follow their original. On SQLite not written "DuplicateOf IS NULL": its planner takes
        // IX_Cases_DuplicateOf for that although nearly every case matches, and reads the whole table; as a CASE no index
        // serves it, and the period's range of CreatedAt (or Status, ServiceCode with CreatedAt) leads. PostgreSQL knows
        // the share of nulls, and the CASE would hide it from its estimates (docs/benchmarks.md, "Public view of requests").
        var cases = db.Database.IsSqlite()
            ? db.Cases.AsNoTracking().Where(c => (c.DuplicateOf == null ? 1 : 0) == 1)
            : db.Cases.AsNoTracking().Where(c => c.DuplicateOf == null);
        cases = cases.Where(c => c.CreatedAt >= criteria.Since);
        if (criteria.ServiceCode is { } service)
        {
            cases = cases.Where(c => c.ServiceCode == service);
        }

        if (criteria.Statuses is { Count: > 0 } statuses)
        {
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (criteria.Area is { } area)
        {
            cases = cases.Where(c => c.Location.Area == area);
        }

        return cases;
    }
}
