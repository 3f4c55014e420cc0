using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Routing;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Staff changes to a case: status, assignment, category, duplicate. Each change, its history entry and the
/// messages to the residents who follow the case (its reporter, and the reporters of cases closed as its
/// duplicates, when they agreed to updates and the change is news to them) are saved in one transaction; the
/// messages are then sent by the outbox, so a crash can neither lose nor double them. Where each message goes —
/// own channel, template, another channel the resident gave, or "cannot notify" — is <see cref="CaseNotifier"/>'s.
/// </summary>
public sealed class CaseEditor
{
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly IDialogEngineSource _dialogs;
    private readonly OutboxDispatcher _outbox;
    private readonly TimeProvider _clock;
    private readonly CaseNotifier _notifier;
    private readonly AreaRouter _router;
    private readonly Func<CityGeography> _geography;

    internal CaseEditor(IDbContextFactory<ChannelBotDbContext> databases, IDialogEngineSource dialogs, OutboxDispatcher outbox, TimeProvider clock, CaseNotifier notifier, AreaRouter router, Func<CityGeography> geography)
    {
        _router = router;
        _geography = geography;
        _databases = databases;
        _dialogs = dialogs;
        _outbox = outbox;
        _clock = clock;
        _notifier = notifier;
    }

    /// <param name="allowed">Whether the caller may change this case (a department sees only its own cases).</param>
    public Task<CaseChangeOutcome> ChangeStatusAsync(TicketNumber ticket, StatusChangeRequest request, string by, Func<Case, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return EditAsync(ticket, request.ExpectedVersion, allowed, cancellationToken, (_, found, now) =>
        {
            StaffStatusChange.Apply(found, request, by, now);
            return Task.FromResult<StatusNews?>(new StatusNews(request.Reason, Clean(request.PublicNote), Urgent: request.Urgent));
        });
    }

    public Task<CaseChangeOutcome> AssignAsync(TicketNumber ticket, string? assignee, string? internalNote, long? expectedVersion, string by, Func<Case, bool> allowed, CancellationToken cancellationToken) =>
        EditAsync(ticket, expectedVersion, allowed, cancellationToken, (_, found, now) =>
        {
            found.AssignTo(assignee, by, now, Clean(internalNote));
            return Task.FromResult<StatusNews?>(null);
        });

    /// <summary>Files the case under <paramref name="serviceCode"/> from the catalog, routed to that service's department.</summary>
    public Task<CaseChangeOutcome> RecategoriseAsync(TicketNumber ticket, string serviceCode, string? internalNote, long? expectedVersion, string by, Func<Case, bool> allowed, CancellationToken cancellationToken) =>
        EditAsync(ticket, expectedVersion, allowed, cancellationToken, (_, found, now) =>
        {
            var definitions = _dialogs.Current.Definitions;
            var service = definitions.Catalog.Find(serviceCode)
                ?? throw new DomainException($"'{serviceCode}' is not a service in the catalog.");
            var (department, _) = _router.Route(service.Code, service.Department, found.Location.Latitude, found.Location.Longitude);
            found.Recategorise(service.Code, service.Name.Get(definitions.DefaultLanguage), department, by, now, Clean(internalNote));
            return Task.FromResult<StatusNews?>(null);
        });

    /// <summary>
    /// Places the case at an address, intersection or place found on the city's map, or at a point (named by the
    /// nearest address), and routes it again for the new place. A text the map does not find exactly, or a point
    /// outside the city, is refused with what the map found.
    /// </summary>
    public Task<CaseChangeOutcome> RelocateAsync(TicketNumber ticket, string? address, GeoPosition? point, string? internalNote, long? expectedVersion, string by, Func<Case, bool> allowed, CancellationToken cancellationToken) =>
        EditAsync(ticket, expectedVersion, allowed, cancellationToken, (_, found, now) =>
        {
            var location = StaffPlacing.Locate(_geography(), Clean(address), point);
            var service = _dialogs.Current.Definitions.Catalog.Find(found.ServiceCode);
            var (department, _) = _router.Route(found.ServiceCode, service?.Department ?? found.Department, location.Latitude, location.Longitude);
            found.Relocate(location, department, by, now, Clean(internalNote));
            return Task.FromResult<StatusNews?>(null);
        });

    /// <summary>
    /// Closes the case as a repeat of <paramref name="original"/>; its reporter is told and then follows the original.
    /// Both cases must be ones the staff member may change (<paramref name="allowed"/>): a department cannot tie its
    /// residents to another department's case, nor learn that case's news through them.
    /// </summary>
    public Task<CaseChangeOutcome> MarkDuplicateAsync(TicketNumber ticket, TicketNumber original, string? publicNote, string? internalNote, long? expectedVersion, string by, Func<Case, bool> allowed, CancellationToken cancellationToken) =>
        EditAsync(ticket, expectedVersion, allowed, cancellationToken, async (db, found, now) =>
        {
            var target = await db.Cases.FirstOrDefaultAsync(c => c.Ticket == original, cancellationToken).ConfigureAwait(false);
            if (target is null || !allowed(target))
            {
                throw new DomainException($"There is no case {original} you may link to.");
            }

            found.MarkDuplicateOf(target, by, now, Clean(publicNote), Clean(internalNote));
            return new StatusNews("duplicate", Clean(publicNote), FollowersToo: false);
        });

    private async Task<CaseChangeOutcome> EditAsync(
        TicketNumber ticket,
        long? expectedVersion,
        Func<Case, bool> allowed,
        CancellationToken cancellationToken,
        Func<ChannelBotDbContext, Case, DateTimeOffset, Task<StatusNews?>> change)
    {
        ArgumentNullException.ThrowIfNull(allowed);

        // A resident's turn may save their conversation at the same moment ("is it fixed?" is written into it):
        // then the change is simply made again on fresh rows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryEditAsync(ticket, expectedVersion, allowed, change, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
            }
            catch (DbUpdateConcurrencyException)
            {
                return new CaseChangeOutcome(CaseChangeStatus.Conflict, null, "Someone else changed the case at the same time: reload it and try again.");
            }
        }
    }

    private async Task<CaseChangeOutcome> TryEditAsync(
        TicketNumber ticket,
        long? expectedVersion,
        Func<Case, bool> allowed,
        Func<ChannelBotDbContext, Case, DateTimeOffset, Task<StatusNews?>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var found = await db.Cases.FirstOrDefaultAsync(c => c.Ticket == ticket, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return new CaseChangeOutcome(CaseChangeStatus.NotFound);
        }

        if (!allowed(found))
        {
            return new CaseChangeOutcome(CaseChangeStatus.Forbidden);
        }

        if (expectedVersion is { } expected && expected != found.Version)
        {
            return new CaseChangeOutcome(CaseChangeStatus.Conflict, found, $"The case is at version {found.Version}, not {expected}: reload it and try again.");
        }

        var now = _clock.GetUtcNow();
        StatusNews? news;
        try
        {
            news = await change(db, found, now).ConfigureAwait(false);
        }
        catch (DomainException refused)
        {
            return new CaseChangeOutcome(CaseChangeStatus.Refused, found, refused.Message);
        }

        var messages = new List<OutboxMessageRecord>();
        if (news is not null)
        {
            var followers = news.FollowersToo
                ? await db.Cases.Where(c => c.DuplicateOf == found.Ticket && c.ConsentToUpdates).ToListAsync(cancellationToken).ConfigureAwait(false)
                : [];
            foreach (var resident in followers.Prepend(found))
            {
                if (await _notifier.NotifyAsync(db, resident, found, news, now, cancellationToken).ConfigureAwait(false) is { } message)
                {
                    messages.Add(message);
                    if (found.Status == CaseStatus.Fixed && CaseNotifier.IsOwn(message, resident))
                    {
                        await FixedQuestion.AskAsync(db, resident, now, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Held for the quiet hours: the outbox sweep sends them when they fall due.
        _outbox.Dispatch(messages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now));

        return new CaseChangeOutcome(CaseChangeStatus.Changed, found, Notified: messages.Count(m => m.Status == OutboxStatus.Pending));
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
