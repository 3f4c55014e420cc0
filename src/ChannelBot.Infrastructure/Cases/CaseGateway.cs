using ChannelBot.Application.Cases;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Delivery;
using ChannelBot.Application.Routing;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Domain.Cases;
using ChannelBot.Geo.Data;
using ChannelBot.Infrastructure.Delivery;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The case effects of the turns in one batch, on the batch's own context: a new case is only added (saved by the
/// batch's single commit, together with the conversation state and the replies), and its ticket number comes
/// from the counter row inside the same transaction, so a rolled-back batch spends no number. The case's email
/// receipt (<see cref="CaseReceipts"/>) and its deliveries to its department (<see cref="DepartmentHandOff"/>: webhook, email),
/// when it has them, are added to the same context: they commit with the case or not at all, so a case gets one of
/// each however often its filing is retried.
/// </summary>
internal sealed partial class CaseGateway(ChannelBotDbContext db, TicketNumberAllocator tickets, DialogDefinitions definitions, TimeZoneInfo cityTimeZone, TimeProvider clock, AreaRouter router, CaseReceipts receipts, DepartmentDeliveryOptions departments, bool outsideConversation = false) : ICaseGateway
{
    private readonly Dictionary<string, Guid> _created = new(StringComparer.Ordinal);

    private readonly List<(OutboxMessageRecord Row, Activity Activity)> _receipts = [];

    /// <summary>
    /// The rows added with the cases filed here (email receipts, deliveries to departments), with their activities: the
    /// caller hands them to the dispatcher after the commit.
    /// </summary>
    public IReadOnlyList<(OutboxMessageRecord Row, Activity Activity)> Receipts => _receipts;

    public async Task<CaseReceipt> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var year = TimeZoneInfo.ConvertTime(submission.SubmittedAt, cityTimeZone).Year;
        var ticket = await tickets.NextAsync(db, definitions.City.TicketPrefix, year, cancellationToken).ConfigureAwait(false);
        var (department, _) = router.Route(submission.ServiceCode, submission.Department, submission.Location.Latitude, submission.Location.Longitude);
        var created = CaseFactory.Create(submission with { Department = department }, ticket, cityTimeZone);
        db.Cases.Add(created);
        if (submission.Follow is { } followed && await FollowedAsync(followed, cancellationToken).ConfigureAwait(false) is { } original)
        {
            // Following an open case found nearby: this report is filed as its duplicate, so its reporter hears the
            // original's updates (staff can still reopen or relink it).
            created.MarkDuplicateOf(original, CaseActors.Resident, submission.SubmittedAt, internalNote: "followed at intake instead of a new report");
        }

        foreach (var receipt in receipts.For(definitions, created, submission.SubmittedAt, outsideConversation))
        {
            db.OutboxMessages.Add(receipt.Row);
            _receipts.Add(receipt);
        }

        foreach (var delivery in DepartmentHandOff.For(created, definitions.Catalog, cityTimeZone, departments, submission.SubmittedAt))
        {
            db.OutboxMessages.Add(delivery.Row);
            if (delivery.Row.Status == OutboxStatus.Pending)
            {
                _receipts.Add(delivery);   // a row already failed (no address) is only for staff to see: never handed to the dispatcher
            }
        }

        var filed = new CaseReceipt(ticket.ToString());
        _created[filed.Ticket] = created.Id;
        return filed;
    }

    public async Task<CaseLookup> LookUpAsync(string ticket, string askerChannelId, string? askerUserId, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return new CaseLookup(ticket, Found: false);
        }

        var found = db.Cases.Local.FirstOrDefault(c => c.Ticket == number)
            ?? await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Ticket == number, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new CaseLookup(number.ToString(), Found: false);
        }

        var isReporter = askerUserId is not null
            && string.Equals(found.Reporter.ChannelId, askerChannelId, StringComparison.Ordinal)
            && string.Equals(found.Reporter.ChannelUserId, askerUserId, StringComparison.Ordinal);
        var lastNote = found.History.LastOrDefault(h => h.PublicNote is not null)?.PublicNote;
        return new CaseLookup(
            number.ToString(),
            Found: true,
            found.ServiceCode,
            found.Status.ToCode(),
            found.UpdatedAt,
            isReporter ? lastNote : null,
            isReporter ? found.Location.Address : null,
            isReporter);
    }

    /// <summary>Open cases of the service within the radius, filed since the date, not themselves duplicates, nearest first.</summary>
    public async Task<IReadOnlyList<NearbyCase>> FindNearbyAsync(FindNearbyCases query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var latitudeSpan = query.RadiusMetres / 111_000.0;
        var longitudeSpan = latitudeSpan / Math.Max(0.01, Math.Cos(query.Latitude * Math.PI / 180));
        var (south, north) = (query.Latitude - latitudeSpan, query.Latitude + latitudeSpan);
        var (west, east) = (query.Longitude - longitudeSpan, query.Longitude + longitudeSpan);
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.ServiceCode == query.ServiceCode && c.CreatedAt >= query.Since
                && c.Status != CaseStatus.Fixed && c.Status != CaseStatus.Closed && c.DuplicateOf == null
                && c.Location.Latitude >= south && c.Location.Latitude <= north
                && c.Location.Longitude >= west && c.Location.Longitude <= east)
            .OrderByDescending(c => c.CreatedAt)
            .Take(NearbyCandidates)
            .Select(c => new { c.Ticket, c.Status, c.CreatedAt, c.Location.Address, c.Location.Latitude, c.Location.Longitude })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. rows
                .Select(r => new NearbyCase(r.Ticket.ToString(), r.Status.ToCode(), r.CreatedAt, r.Address,
                    new GeoPosition(query.Latitude, query.Longitude).MetresTo(new GeoPosition(r.Latitude!.Value, r.Longitude!.Value))))
                .Where(n => n.DistanceMetres <= query.RadiusMetres)
                .OrderBy(n => n.DistanceMetres)
                .Take(3),
        ];
    }

    public async Task<CaseReopening> ReopenAsync(string ticket, string note, string askerChannelId, string? askerUserId, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return new CaseReopening(ticket, Reopened: false);
        }

        var found = await db.Cases.FirstOrDefaultAsync(c => c.Ticket == number, cancellationToken).ConfigureAwait(false);
        var isReporter = found is not null && askerUserId is not null
            && string.Equals(found.Reporter.ChannelId, askerChannelId, StringComparison.Ordinal)
            && string.Equals(found.Reporter.ChannelUserId, askerUserId, StringComparison.Ordinal);
        if (found is null || !isReporter || found.Status is not (CaseStatus.Fixed or CaseStatus.Closed))
        {
            return new CaseReopening(number.ToString(), Reopened: false);
        }

        var words = note.Trim();
        found.Reopen(CaseActors.Resident, clock.GetUtcNow(), publicNote: words.Length > 0 ? words : null);
        return new CaseReopening(number.ToString(), Reopened: true);
    }

    /// <summary>At most this many open cases in the square around a point are measured.</summary>
    private const int NearbyCandidates = 50;

    private async Task<Case?> FollowedAsync(string ticket, CancellationToken cancellationToken)
    {
        if (!TicketNumber.TryParse(ticket, out var number))
        {
            return null;
        }

        var original = await db.Cases.FirstOrDefaultAsync(c => c.Ticket == number, cancellationToken).ConfigureAwait(false);
        return original is { DuplicateOf: null } && original.IsOpen ? original : null;
    }

    /// <summary>The id of the case this gateway created under <paramref name="receipt"/>, for linking replies to it.</summary>
    public Guid? CaseIdFor(CaseReceipt? receipt) =>
        receipt is not null && _created.TryGetValue(receipt.Ticket, out var id) ? id : null;
}
