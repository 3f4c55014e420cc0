using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Open311;

/// <summary>
/// What the Open311 GETs read: service requests by ids or by filters, and the status changes of a period
/// (mySociety's servicerequestupdates). Only the columns a public answer may carry are read: never the reporter.
/// </summary>
public sealed class Open311Queries
{
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;

    internal Open311Queries(IDbContextFactory<ChannelBotDbContext> databases) => _databases = databases;

    public async Task<IReadOnlyList<Open311Case>> RequestsAsync(Open311RequestFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        IQueryable<Case> cases = db.Cases.AsNoTracking();
        if (filter.Tickets is { Count: > 0 } tickets)
        {
            // The spec: ids given override every other filter.
            cases = cases.Where(c => tickets.Contains(c.Ticket));
        }
        else
        {
            cases = cases.Where(c => c.CreatedAt >= filter.From && c.CreatedAt < filter.To);
            if (filter.ServiceCodes is { Count: > 0 } services)
            {
                cases = cases.Where(c => services.Contains(c.ServiceCode));
            }

            if (filter.Statuses is { Count: > 0 } statuses)
            {
                cases = cases.Where(c => statuses.Contains(c.Status));
            }
        }

        if (filter.LocatedOnly)
        {
            cases = cases.Where(c => c.Location.Latitude != null && c.Location.Longitude != null);
        }

        var rows = await cases
            .OrderByDescending(c => c.CreatedAt)
            .Take(filter.Limit)
            .Select(c => new
            {
                c.Ticket, c.Status, c.ClosureReason, c.ServiceCode, c.ServiceName, c.Department,
                Description = c.DescriptionPublic ? c.Description : null,
                c.CreatedAt, c.UpdatedAt, c.DueAt, c.Location.Address, c.Location.Latitude, c.Location.Longitude,
                Note = c.History.Where(h => h.PublicNote != null).OrderByDescending(h => h.Sequence).Select(h => h.PublicNote).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new Open311Case(r.Ticket.ToString(), r.Status, r.ClosureReason, r.ServiceCode, r.ServiceName, r.Department,
                r.Description, r.Note, r.CreatedAt, r.UpdatedAt, r.DueAt, r.Address, r.Latitude, r.Longitude)),
        ];
    }

    /// <summary>The status changes (not the filing itself) made from <paramref name="from"/> up to <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Open311StatusChange>> UpdatesAsync(DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Cases.AsNoTracking()
            .SelectMany(c => c.History, (c, h) => new { c.Ticket, c.ClosureReason, h.Sequence, h.Kind, h.To, h.At, h.PublicNote })
            .Where(x => x.Kind == CaseChangeKind.Status && x.Sequence > 1 && x.At >= from && x.At < to)
            .OrderBy(x => x.At)
            .Take(limit)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.Select(r => new Open311StatusChange(r.Ticket.ToString(), r.Sequence, r.To, r.To == CaseStatus.Closed ? r.ClosureReason : null, r.At, r.PublicNote))];
    }

    /// <summary>An update already received under <paramref name="key"/>, or null.</summary>
    public async Task<Open311UpdateRecord?> ReceivedUpdateAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Open311Updates.AsNoTracking().FirstOrDefaultAsync(u => u.Key == key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an update as received; false when another request recorded the same key first.</summary>
    public async Task<bool> RecordUpdateAsync(Open311UpdateRecord update, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Open311Updates.Add(update);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception, "Open311Updates"))
        {
            return false;
        }
    }
}

/// <summary>Which requests a GET asks for: ids (which override the rest), else a period, services and statuses.</summary>
public sealed record Open311RequestFilter(
    IReadOnlyList<TicketNumber>? Tickets,
    IReadOnlyList<string>? ServiceCodes,
    IReadOnlyList<CaseStatus>? Statuses,
    DateTimeOffset From,
    DateTimeOffset To,
    int Limit,
    bool LocatedOnly = false);

/// <summary>One case as an Open311 service request may show it (no reporter; the description only if the resident agreed).</summary>
public sealed record Open311Case(
    string Ticket,
    CaseStatus Status,
    CaseClosureReason? ClosureReason,
    string ServiceCode,
    string ServiceName,
    string Department,
    string? Description,
    string? StatusNote,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpectedAt,
    string? Address,
    double? Latitude,
    double? Longitude);

/// <summary>One status change of a case, as a servicerequestupdates entry.</summary>
public sealed record Open311StatusChange(string Ticket, int Sequence, CaseStatus Status, CaseClosureReason? Reason, DateTimeOffset At, string? PublicNote);
