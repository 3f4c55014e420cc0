using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>Reads cases for staff: a filtered, paged list (newest first) and one case with its history and photos.</summary>
public sealed class CaseReader
{
    public const int MaxPageSize = 200;

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;

    internal CaseReader(IDbContextFactory<ChannelBotDbContext> databases) => _databases = databases;

    public async Task<(IReadOnlyList<Case> Cases, int Total)> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        IQueryable<Case> cases = db.Cases.AsNoTracking();
        if (query.Statuses is { Count: > 0 } statuses)
        {
            cases = cases.Where(c => statuses.Contains(c.Status));
        }

        if (query.ServiceCode is { } service)
        {
            cases = cases.Where(c => c.ServiceCode == service);
        }

        if (query.Department is { } department)
        {
            cases = cases.Where(c => c.Department == department);
        }

        if (query.From is { } from)
        {
            cases = cases.Where(c => c.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            cases = cases.Where(c => c.CreatedAt < to);
        }

        if (query.Text is { Length: > 0 } text)
        {
            // Lower-cased on both sides so SQLite and PostgreSQL agree; EF escapes the wildcards in Contains. The ticket
            // is matched as its stored text (the cast through object reads the converted column), whole or in part.
            var lowered = text.ToLowerInvariant();
            cases = cases.Where(c =>
                ((string)(object)c.Ticket).ToLower().Contains(lowered)
                || (c.Description ?? string.Empty).ToLower().Contains(lowered)
                || (c.Location.Address ?? string.Empty).ToLower().Contains(lowered)
                || c.ServiceName.ToLower().Contains(lowered));
        }

        var total = await cases.CountAsync(cancellationToken).ConfigureAwait(false);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var skip = ((long)Math.Max(query.Page, 1) - 1) * size;
        if (skip >= total)
        {
            // Past the last page (any page number a client sends, without overflowing into a negative offset).
            return ([], total);
        }

        var list = await cases
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id)
            .Skip((int)skip)
            .Take(size)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return (list, total);
    }

    /// <summary>How many residents follow the case: the reports closed as its duplicates (at intake or by staff).</summary>
    public async Task<int> FollowersAsync(TicketNumber ticket, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Cases.CountAsync(c => c.DuplicateOf == ticket, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reading the department's Open311 system for status (when it has one that is read): the last read, and what went wrong.</summary>
    public async Task<DepartmentSyncRecord?> DepartmentSyncAsync(string department, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.DepartmentSyncs.AsNoTracking().FirstOrDefaultAsync(s => s.Department == department, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every message sent (or to be sent) to residents about the case, oldest first, with its delivery.</summary>
    public async Task<IReadOnlyList<OutboxMessageRecord>> MessagesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CaseId == caseId)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<Case?> GetAsync(TicketNumber ticket, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Ticket == ticket, cancellationToken).ConfigureAwait(false);
    }
}
