using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Changes a case's status for staff. The new status, its history entry and the message to the resident (when
/// they agreed to updates and the change is news to them) are saved in one transaction; the message is then
/// sent by the outbox on the resident's own channel, so a crash between the two can neither lose nor double it.
/// </summary>
public sealed class CaseStatusChanger
{
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly IDialogEngineSource _dialogs;
    private readonly OutboxDispatcher _outbox;
    private readonly TimeProvider _clock;

    internal CaseStatusChanger(IDbContextFactory<ChannelBotDbContext> databases, IDialogEngineSource dialogs, OutboxDispatcher outbox, TimeProvider clock)
    {
        _databases = databases;
        _dialogs = dialogs;
        _outbox = outbox;
        _clock = clock;
    }

    /// <param name="allowed">Whether the caller may change this case (a department sees only its own cases).</param>
    public async Task<CaseChangeOutcome> ChangeAsync(TicketNumber ticket, StatusChangeRequest request, string by, Func<Case, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowed);

        // A resident's turn may save their conversation at the same moment ("is it fixed?" is written into it):
        // then the change is simply made again on fresh rows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryChangeAsync(ticket, request, by, allowed, cancellationToken).ConfigureAwait(false);
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

    private async Task<CaseChangeOutcome> TryChangeAsync(TicketNumber ticket, StatusChangeRequest request, string by, Func<Case, bool> allowed, CancellationToken cancellationToken)
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

        if (request.ExpectedVersion is { } expected && expected != found.Version)
        {
            return new CaseChangeOutcome(CaseChangeStatus.Conflict, found, $"The case is at version {found.Version}, not {expected}: reload it and try again.");
        }

        var now = _clock.GetUtcNow();
        try
        {
            Apply(found, request, by, now);
        }
        catch (DomainException refused)
        {
            return new CaseChangeOutcome(CaseChangeStatus.Refused, found, refused.Message);
        }

        var notice = Notify(found, request, now);
        if (notice is not null)
        {
            db.OutboxMessages.Add(notice);
            if (found.Status == CaseStatus.Fixed)
            {
                await AskIfFixedAsync(db, found, now, cancellationToken).ConfigureAwait(false);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (notice is not null)
        {
            _outbox.Dispatch([notice]);
        }

        return new CaseChangeOutcome(CaseChangeStatus.Changed, found, Notified: notice is null ? 0 : 1);
    }

    /// <summary>The "fixed" message asks "Is it fixed?": the resident's conversation waits for that answer.</summary>
    private static async Task AskIfFixedAsync(ChannelBotDbContext db, Case fixedCase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Key == fixedCase.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        var state = DialogStateJson.Deserialize(conversation.StateJson);
        state.Feedback = new FeedbackRequest(fixedCase.Ticket.ToString(), now);
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

    /// <summary>The outbox row that tells the resident, or null when they did not ask for updates.</summary>
    private OutboxMessageRecord? Notify(Case changed, StatusChangeRequest request, DateTimeOffset now)
    {
        var status = changed.Status.ToCode();
        if (!changed.ConsentToUpdates || changed.ConversationReferenceJson is null || !StatusNotificationText.IsNews(status))
        {
            return null;
        }

        var reference = ActivityJson.DeserializeReference(changed.ConversationReferenceJson);
        var text = StatusNotificationText.For(
            _dialogs.Current.Definitions,
            new StatusNotice(changed.Ticket.ToString(), changed.ServiceCode, status, changed.Status == CaseStatus.Closed ? request.Reason : null, Clean(request.PublicNote), changed.Language, changed.ChannelId));
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = reference.ChannelId ?? changed.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.Bot,
            Recipient = reference.User,
            Locale = reference.Locale,
            Text = text,
            Timestamp = now,
        };
        return new OutboxMessageRecord
        {
            ConversationKey = changed.ConversationKey,
            ChannelId = message.ChannelId,
            ActivityJson = ActivityJson.Serialize(message),
            CreatedAt = now,
            NextAttemptAt = now,
            Status = OutboxStatus.Pending,
            CaseId = changed.Id,
        };
    }
}
