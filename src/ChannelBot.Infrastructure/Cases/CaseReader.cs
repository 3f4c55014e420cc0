using System.Text.Json;
using ChannelBot.Application.Delivery;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>Reads cases for staff: a filtered, paged list (newest first) and one case with its history and photos.</summary>
public sealed class CaseReader
{
    public const int MaxPageSize = 200;

    /// <summary>How far back along a conversation its case's stretch is looked for (later cases' messages come first).</summary>
    private const int MaxConversationWalk = 20_000;

    private const int ConversationReadChunk = 250;

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

    /// <summary>
    /// The conversation of the case, oldest first, at most the latest <paramref name="limit"/> messages. A conversation
    /// (an SMS number, a Messenger PSID, a web chat) may carry several reports: the case's stretch of it starts after
    /// the previous case from the same conversation was filed and ends when the next one is filed, so it holds the
    /// intake up to filing and what was said after (a resident's replies, a new report not yet filed). In it: the
    /// resident's messages and the bot's replies that are about no other case; and wherever they went, the city's
    /// messages about this case (its receipt and status updates; not its delivery to the department's system).
    /// </summary>
    public async Task<CaseConversation> ConversationAsync(Case found, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (found.History.Any(h => h.Kind == CaseChangeKind.Anonymised))
        {
            // Its conversation key no longer names the resident's conversation (and the messages were deleted with it).
            return new CaseConversation([], Truncated: false, Removed: true);
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = found.ConversationKey;
        var id = found.Id;
        var created = found.CreatedAt;
        var previous = await db.Cases.AsNoTracking()
            .Where(c => c.ConversationKey == key && c.Id != id && c.CreatedAt <= created)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => (DateTimeOffset?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var next = await db.Cases.AsNoTracking()
            .Where(c => c.ConversationKey == key && c.Id != id && c.CreatedAt > created)
            .OrderBy(c => c.CreatedAt)
            .Select(c => (DateTimeOffset?)c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        // The conversation's activities newest first, those of this case's stretch of it (after the case before it in
        // the conversation, before the one after): the latest limit + 1, so the latest limit messages of both sides
        // together are among them and their replies, and one more tells whether older ones were left out.
        var chain = await ConversationChain.IdsAsync(db, key, MaxConversationWalk, cancellationToken).ConfigureAwait(false);
        var received = new List<InboundActivityRecord>(Math.Min(limit + 1, chain.Count));
        foreach (var chunk in chain.Chunk(ConversationReadChunk))
        {
            var rows = await db.InboundActivities.AsNoTracking().Where(i => chunk.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            rows.Sort((a, b) => b.Id.CompareTo(a.Id));
            var older = false;
            foreach (var row in rows)
            {
                older |= previous is { } before && row.ReceivedAt <= before;
                if (!older && (next is not { } after || row.ReceivedAt < after) && received.Count <= limit)
                {
                    received.Add(row);
                }
            }

            if (older || received.Count > limit)
            {
                break;
            }
        }

        // Messages set aside for staff are in no chain (no turn ran for them): the few of the conversation, by their own index.
        var setAside = await db.InboundActivities.AsNoTracking()
            .Where(i => i.SetAsideAt != null && i.ConversationKey == key && (previous == null || i.ReceivedAt > previous) && (next == null || i.ReceivedAt < next))
            .OrderByDescending(i => i.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (setAside.Count > 0)
        {
            received.AddRange(setAside);
            received.Sort((a, b) => b.Id.CompareTo(a.Id));
            received = received.Count > limit + 1 ? received.GetRange(0, limit + 1) : received;
        }

        var replied = received.Select(r => r.Id).ToList();
        var written = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.ChannelId != DepartmentDelivery.WebhookChannel && o.ChannelId != DepartmentDelivery.EmailChannel && o.ChannelId != DepartmentDelivery.Open311Channel
                && (o.CaseId == id || (o.CaseId == null && o.InboundId != null && replied.Contains(o.InboundId.Value))))
            .OrderByDescending(o => o.Id)
            .Take(limit + 1)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        var messages = new List<(CaseConversationMessage Message, int Side, long Id)>(received.Count + written.Count);
        foreach (var row in received)
        {
            if (Parse(row.ActivityJson) is { } activity && activity.IsType(ActivityTypes.Message))
            {
                messages.Add((new CaseConversationMessage(row.ReceivedAt, row.ChannelId, activity, row, null), 0, row.Id));
            }
        }

        foreach (var row in written)
        {
            // Typing indicators (an operator's, in a live chat) are not messages.
            if (Parse(row.ActivityJson) is { } activity && activity.IsType(ActivityTypes.Message))
            {
                messages.Add((new CaseConversationMessage(row.CreatedAt, row.ChannelId, activity, null, row), 1, row.Id));
            }
        }

        // In time order; at the same instant the resident's message comes before the replies written to it.
        messages.Sort((a, b) => a.Message.At != b.Message.At ? a.Message.At.CompareTo(b.Message.At) : a.Side != b.Side ? a.Side.CompareTo(b.Side) : a.Id.CompareTo(b.Id));
        var truncated = received.Count > limit || written.Count > limit || messages.Count > limit;
        var kept = messages.Count > limit ? messages.GetRange(messages.Count - limit, limit) : messages;
        return new CaseConversation([.. kept.Select(m => m.Message)], truncated);
    }

    private static Activity? Parse(string json)
    {
        try
        {
            return ActivityJson.Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
