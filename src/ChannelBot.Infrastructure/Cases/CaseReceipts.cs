using ChannelBot.Application.Conversations;
using ChannelBot.Application.Notifications;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The receipt of a filed report, emailed to a resident who gave an email address and agreed to hear back
/// (<see cref="Case.ConsentToUpdates"/>: at intake that consent is what the address was given for). It is an outbox
/// row like every other message, added to the context that files the case, so it commits (or rolls back) with the
/// case: one receipt per case, whatever is retried. The email sender's opt-out check still has the last word.
/// </summary>
internal sealed class CaseReceipts(IEnumerable<INotificationChannel> updateChannels)
{
    private readonly INotificationChannel? _email = updateChannels.FirstOrDefault(c => c.ChannelId == NotificationChannels.Email);

    /// <summary>The receipt row and its activity for <paramref name="created"/>, or null when none is to be sent.</summary>
    public (OutboxMessageRecord Row, Activity Activity)? For(DialogDefinitions definitions, Case created, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(created);
        if (!created.ConsentToUpdates || created.Reporter.Email is not { Length: > 0 } address || _email is not { IsAvailable: true })
        {
            return null;
        }

        var notice = new CaseReceiptNotice(created.Ticket.ToString(), created.ServiceCode, created.Location.Address, created.Location.Latitude, created.Location.Longitude, created.Language);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = NotificationChannels.Email,
            Conversation = new ConversationAccount { Id = address },
            Recipient = new ChannelAccount { Id = address },
            Locale = created.Language,
            Timestamp = now,
            Summary = CaseReceiptText.Subject(definitions, notice),
            Text = CaseReceiptText.Body(definitions, notice),
        };
        var row = OutboxRows.Pending(ConversationKey.For(NotificationChannels.Email, address), NotificationChannels.Email, activity, now, created.Id);
        return (row, activity);
    }
}
