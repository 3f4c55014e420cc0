using ChannelBot.Application.Cases;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Routing;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The case effects of the turns in one batch, on the batch's own context: a new case is only added (saved by the
/// batch's single commit, together with the conversation state and the replies), and its ticket number comes
/// from the counter row inside the same transaction, so a rolled-back batch spends no number.
/// </summary>
internal sealed class CaseGateway(ChannelBotDbContext db, TicketNumberAllocator tickets, string ticketPrefix, TimeZoneInfo cityTimeZone, TimeProvider clock, AreaRouter router) : ICaseGateway
{
    private readonly Dictionary<string, Guid> _created = new(StringComparer.Ordinal);

    public async Task<CaseReceipt> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var year = TimeZoneInfo.ConvertTime(submission.SubmittedAt, cityTimeZone).Year;
        var ticket = await tickets.NextAsync(db, ticketPrefix, year, cancellationToken).ConfigureAwait(false);
        var (department, _) = router.Route(submission.ServiceCode, submission.Department, submission.Location.Latitude, submission.Location.Longitude);
        var created = CaseFactory.Create(submission with { Department = department }, ticket, cityTimeZone);
        db.Cases.Add(created);
        var receipt = new CaseReceipt(ticket.ToString());
        _created[receipt.Ticket] = created.Id;
        return receipt;
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

    /// <summary>The id of the case this gateway created under <paramref name="receipt"/>, for linking replies to it.</summary>
    public Guid? CaseIdFor(CaseReceipt? receipt) =>
        receipt is not null && _created.TryGetValue(receipt.Ticket, out var id) ? id : null;
}
