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
/// The receipts of a filed report, for a resident who agreed to hear back (<see cref="Case.ConsentToUpdates"/>: at
/// intake that consent is what the addresses were given for):
/// <list type="bullet">
/// <item>by email, to the email address they gave;</item>
/// <item>by SMS, to the phone they gave, when they chose SMS for updates and their report was filed outside a
/// conversation with the bot (a phone call to an operator, a walk-in, another system through Open311): a resident who
/// texted or chatted was already told the ticket in their own conversation.</item>
/// </list>
/// Each is an outbox row like every other message, added to the context that files the case, so it commits (or rolls
/// back) with the case: one receipt per case and address, whatever is retried. The sender's opt-out check still has the
/// last word (a number that texted STOP is never written to, whoever gave it).
/// </summary>
internal sealed class CaseReceipts(IEnumerable<INotificationChannel> updateChannels, ChannelSenderRegistry senders)
{
    private readonly INotificationChannel? _email = updateChannels.FirstOrDefault(c => c.ChannelId == NotificationChannels.Email);

    /// <summary>The receipt rows and their activities for <paramref name="created"/>; empty when none is to be sent.</summary>
    /// <param name="outsideConversation">The report was filed outside a conversation with the bot (Open311, a call taker).</param>
    public IReadOnlyList<(OutboxMessageRecord Row, Activity Activity)> For(DialogDefinitions definitions, Case created, DateTimeOffset now, bool outsideConversation)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(created);
        var rows = new List<(OutboxMessageRecord Row, Activity Activity)>(2);
        if (!created.ConsentToUpdates)
        {
            return rows;
        }

        var notice = new CaseReceiptNotice(created.Ticket.ToString(), created.ServiceCode, created.Location.Address, created.Location.Latitude, created.Location.Longitude, created.Language);
        if (created.Reporter.Email is { Length: > 0 } address && _email is { IsAvailable: true })
        {
            var activity = Direct(NotificationChannels.Email, address, created, now);
            activity.Summary = CaseReceiptText.Subject(definitions, notice);
            activity.Text = CaseReceiptText.Body(definitions, notice);
            rows.Add((OutboxRows.Pending(ConversationKey.For(NotificationChannels.Email, address), NotificationChannels.Email, activity, now, created.Id), activity));
        }

        if (outsideConversation
            && created.UpdateChannel == NotificationChannels.Sms
            && created.Reporter.Phone is { Length: > 0 } phone
            && senders.For(NotificationChannels.Sms) is not null)
        {
            var activity = Direct(NotificationChannels.Sms, phone, created, now);
            activity.Text = CaseReceiptText.Sms(definitions, notice);
            rows.Add((OutboxRows.Pending(ConversationKey.For(NotificationChannels.Sms, phone), NotificationChannels.Sms, activity, now, created.Id), activity));
        }

        return rows;
    }

    private static Activity Direct(string channelId, string address, Case created, DateTimeOffset now) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        Conversation = new ConversationAccount { Id = address },
        Recipient = new ChannelAccount { Id = address },
        Locale = created.Language,
        Timestamp = now,
    };
}
