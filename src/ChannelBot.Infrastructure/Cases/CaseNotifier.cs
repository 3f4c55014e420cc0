using ChannelBot.Application.Conversations;
using ChannelBot.Application.Dialogs;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Notifications;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Messaging;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The outbox row that tells one resident about a change: gathers the facts (their last message on each channel,
/// opt-outs, configured templates and senders), lets <see cref="NotificationChannelPolicy"/> decide, and writes
/// what it decided — a message on their own channel (free-form, or marked for a template), on another channel
/// they gave us (SMS or WhatsApp to their phone, email), or a row staff see that says why nobody could be told.
/// </summary>
internal sealed partial class CaseNotifier(
    IDialogEngineSource dialogs,
    QuietHours quietHours,
    IMessagingConsent consent,
    IEnumerable<INotificationTemplates> templates,
    IEnumerable<INotificationChannel> updateChannels,
    ChannelSenderRegistry senders)
{
    private static readonly string[] Reachable = [ChannelIds.Sms, ChannelIds.WhatsApp, ChannelIds.Facebook, NotificationChannels.Email];

    private readonly IReadOnlyList<INotificationTemplates> _templates = templates.ToList();

    private readonly IReadOnlyList<INotificationChannel> _updateChannels = updateChannels.ToList();

    /// <summary>The row telling <paramref name="resident"/>'s reporter about <paramref name="changed"/>, or null when they are not to be told.</summary>
    public async Task<OutboxMessageRecord?> NotifyAsync(ChannelBotDbContext db, Case resident, Case changed, StatusNews news, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = changed.Status.ToCode();
        if (!StatusNotificationText.IsNews(status))
        {
            return null;
        }

        var engine = dialogs.Current;
        var definitions = engine.Definitions;
        var ownConversation = resident.ConversationReferenceJson is { } json ? ActivityJson.DeserializeReference(json) : null;
        var recipient = new NotificationRecipient(
            resident.ChannelId,
            ownConversation?.Conversation?.Id,
            definitions.ChannelProfileFor(resident.ChannelId).ReachBack,
            resident.ConsentToUpdates,
            resident.Reporter.Phone,
            resident.Reporter.Email,
            resident.UpdateChannel,
            resident.Language);
        if (!recipient.ConsentToUpdates)
        {
            return null;
        }

        var notification = StatusUpdateNotification.For(definitions, resident.Ticket.ToString(), resident.ServiceCode, status, resident.Language);
        var facts = new NotificationFacts(
            now,
            news.Urgent,
            quietHours,
            engine.CityTimeZone,
            await LastInboundAsync(db, recipient, cancellationToken).ConfigureAwait(false),
            await OptedOutAsync(recipient, cancellationToken).ConfigureAwait(false),
            _templates.Where(t => t.Has(notification)).Select(t => t.ChannelId).ToHashSet(StringComparer.Ordinal),
            Reachable.Where(CanSend).ToHashSet(StringComparer.Ordinal),
            _templates.DistinctBy(t => t.ChannelId).ToDictionary(t => t.ChannelId, t => t.SettingFor(notification), StringComparer.Ordinal));
        var route = NotificationChannelPolicy.Decide(recipient, facts);
        if (route.Kind == NotificationRouteKind.NotWanted)
        {
            return null;
        }

        var own = route.ChannelId == resident.ChannelId && route.Address == recipient.ConversationId;
        var notice = new StatusNotice(
            resident.Ticket.ToString(),
            resident.ServiceCode,
            status,
            changed.Status == CaseStatus.Closed ? news.Reason : null,
            news.PublicNote,
            resident.Language,
            route.ChannelId,
            CanAnswer: own);
        if (route.Kind == NotificationRouteKind.CannotNotify)
        {
            // Staff see what the resident could not be told, and why.
            return CannotNotify(resident, now, route.Reason!, StatusNotificationText.For(definitions, notice), notification);
        }

        var message = own ? Reply(ownConversation!, resident, now) : Direct(route, resident, now);
        message.Text = StatusNotificationText.For(definitions, notice);
        if (route.ChannelId == NotificationChannels.Email)
        {
            message.Summary = StatusNotificationText.EmailSubject(definitions, notice);
        }

        // The purpose and template values, for a channel that must send a template instead of the text.
        notification.Tag(message);
        var key = own ? resident.ConversationKey : ConversationKey.For(route.ChannelId, message.Conversation!.Id!);
        return Row(key, message, resident, now, route.SendAt);
    }

    /// <summary>An update-only channel (email) by its own word; the others when a sender takes them.</summary>
    private bool CanSend(string channelId) =>
        _updateChannels.FirstOrDefault(c => c.ChannelId == channelId) is { } channel ? channel.IsAvailable : senders.For(channelId) is not null;

    /// <summary>Whether the row goes to the report's own conversation (which then waits for "is it fixed?").</summary>
    public static bool IsOwn(OutboxMessageRecord row, Case resident) => row.ConversationKey == resident.ConversationKey && row.Status == OutboxStatus.Pending;

    private static Activity Reply(ConversationReference reference, Case resident, DateTimeOffset now) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = reference.ChannelId ?? resident.ChannelId,
        ServiceUrl = reference.ServiceUrl,
        Conversation = reference.Conversation,
        From = reference.Bot,
        Recipient = reference.User,
        Locale = reference.Locale,
        Timestamp = now,
    };

    /// <summary>A message to an address the resident gave: a phone by SMS, <c>whatsapp:</c> and the phone, an email.</summary>
    private static Activity Direct(NotificationRoute route, Case resident, DateTimeOffset now)
    {
        var id = route.ChannelId == ChannelIds.WhatsApp ? "whatsapp:" + route.Address : route.Address!;
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = route.ChannelId,
            Conversation = new ConversationAccount { Id = id },
            Recipient = new ChannelAccount { Id = id },
            Locale = resident.Language,
            Timestamp = now,
        };
    }

    /// <summary>A row staff see on the case, saying why the resident could not be told; never sent.</summary>
    /// <summary>The update the resident could not be sent, marked as the notification it is (staff see it as an update in the case's conversation).</summary>
    private static OutboxMessageRecord CannotNotify(Case resident, DateTimeOffset now, string why, string text, ProactiveNotification notification)
    {
        var message = new Activity { Type = ActivityTypes.Message, ChannelId = resident.ChannelId, Text = text, Timestamp = now };
        notification.Tag(message);
        return OutboxRows.NeverSent(resident.ConversationKey, resident.ChannelId, message, now, resident.Id, "cannot notify: " + why);
    }

    private static OutboxMessageRecord Row(string conversationKey, Activity message, Case resident, DateTimeOffset now, DateTimeOffset sendAt) =>
        OutboxRows.Pending(conversationKey, message.ChannelId!, message, now, resident.Id, sendAt);
}
