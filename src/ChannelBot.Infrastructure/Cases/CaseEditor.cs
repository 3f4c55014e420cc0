using ChannelBot.Application.Conversations;
using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Routing;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Infrastructure.Messaging;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Geo.Resolution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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
            Apply(found, request, by, now);
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
            var location = Place(address, point);
            var service = _dialogs.Current.Definitions.Catalog.Find(found.ServiceCode);
            var (department, _) = _router.Route(found.ServiceCode, service?.Department ?? found.Department, location.Latitude, location.Longitude);
            found.Relocate(location, department, by, now, Clean(internalNote));
            return Task.FromResult<StatusNews?>(null);
        });

    private CaseLocation Place(string? address, GeoPosition? point)
    {
        var typed = Clean(address);
        if (point is { } at)
        {
            var described = _geography().Describe(at);
            if (described.Outcome == LocationOutcome.Outside)
            {
                throw new DomainException($"({at.Latitude}, {at.Longitude}) is outside the city{(described.Neighbour is { } n ? $" ({n.Name})" : string.Empty)}.");
            }

            var best = described.Best;
            return new CaseLocation(typed ?? (best?.Label is { Length: > 0 } label ? label : null), at.Latitude, at.Longitude, best?.Area);
        }

        if (typed is null)
        {
            throw new DomainException("Give an address, an intersection or a place, or a point (latitude and longitude).");
        }

        var geography = _geography();
        var resolved = geography.Resolve(typed);
        return resolved.Outcome switch
        {
            LocationOutcome.Found => new CaseLocation(resolved.Best!.Label, resolved.Best.Position.Latitude, resolved.Best.Position.Longitude, resolved.Best.Area),
            LocationOutcome.Choices or LocationOutcome.StreetOnly => throw new DomainException($"'{typed}' could be {string.Join("; ", resolved.Candidates.Take(5).Select(c => c.Label))}: say which."),
            LocationOutcome.Outside => throw new DomainException($"'{typed}' is outside the city{(resolved.Neighbour is { } n ? $" ({n.Name})" : string.Empty)}."),
            _ when !geography.CanResolve => new CaseLocation(typed, null, null),
            _ => throw new DomainException($"'{typed}' is not on the city's map: give a house number and street, an intersection, or a point."),
        };
    }

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
                        await AskIfFixedAsync(db, resident, now, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The "fixed" message asks "Is it fixed?": the resident's conversation waits for that answer.</summary>
    private static async Task AskIfFixedAsync(ChannelBotDbContext db, Case residentCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Key == residentCase.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        var state = DialogStateJson.Deserialize(conversation.StateJson);
        state.Feedback = new FeedbackRequest(residentCase.Ticket.ToString(), now);
        conversation.StateJson = DialogStateJson.Serialize(state);
        conversation.Version++;
        conversation.UpdatedAt = now;
    }

    private static void Apply(Case found, StatusChangeRequest request, string by, DateTimeOffset now)
    {
        var publicNote = Clean(request.PublicNote);
        var internalNote = Clean(request.InternalNote);
        switch (request.Status)
        {
            case "acknowledged":
                found.Acknowledge(by, now, publicNote, internalNote);
                break;
            case "scheduled":
                found.Schedule(by, now, publicNote, internalNote);
                break;
            case "in_progress":
                found.StartWork(by, now, publicNote, internalNote);
                break;
            case "fixed":
                found.MarkFixed(by, now, publicNote, internalNote);
                break;
            case "closed":
                found.Close(ParseReason(request.Reason), by, now, publicNote, internalNote);
                break;
            case "reopened":
                found.Reopen(by, now, publicNote, internalNote);
                break;
            default:
                throw new DomainException($"'{request.Status}' is not a status staff can set: use acknowledged, scheduled, in_progress, fixed, closed or reopened.");
        }
    }

    private static CaseClosureReason? ParseReason(string? reason) => reason switch
    {
        null or "" => null,
        "duplicate" => CaseClosureReason.Duplicate,
        "referred" => CaseClosureReason.Referred,
        "no_action" => CaseClosureReason.NoAction,
        _ => throw new DomainException($"'{reason}' is not a closure reason: use duplicate, referred or no_action."),
    };

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
