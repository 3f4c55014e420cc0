using ChannelBot.Application.Messaging;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>GET /api/cases/{ticket}/conversation</c>: the case's conversation with the resident, oldest first. At most
/// <paramref name="Limit"/> messages, the latest; <paramref name="Truncated"/> says older ones were left out.
/// </summary>
/// <param name="Note">Why the list is shorter than the conversation was (older messages left out, or removed after the retention period); null when it is whole.</param>
public sealed record CaseConversationDto(string Ticket, IReadOnlyList<ConversationMessageDto> Messages, int Limit, bool Truncated, string? Note);

/// <summary>One message of a case's conversation.</summary>
/// <param name="Id"><c>in-{n}</c> for a resident's message, <c>out-{n}</c> for the city's (n: the outbox id, as in the case's messages).</param>
/// <param name="Direction">resident (the resident wrote it), bot (the intake's replies and the case's receipt) or update (a notification of a change to the case by staff or the department's system).</param>
/// <param name="At">When the message arrived (resident) or was written (bot, update).</param>
/// <param name="Choices">The answers the bot offered as buttons, where the channel shows them.</param>
/// <param name="Status">For the city's messages: pending, sent or failed (see the case's messages); null for the resident's.</param>
/// <param name="Delivery">What the channel reported afterwards (queued, sent, delivered, read, undelivered, failed), where it reports.</param>
/// <param name="Location">A location pin the resident shared with the message (WhatsApp, Messenger, web chat).</param>
public sealed record ConversationMessageDto(
    string Id,
    string Direction,
    string ChannelId,
    string? Text,
    DateTimeOffset At,
    IReadOnlyList<ConversationAttachmentDto> Attachments,
    IReadOnlyList<string> Choices,
    string? Status,
    DateTimeOffset? SentAt,
    string? Delivery,
    string? DeliveryError,
    string? Error,
    ConversationLocationDto? Location = null);

/// <summary>A shared location pin: its point and, when the channel gave them, the place's name and address.</summary>
public sealed record ConversationLocationDto(double Latitude, double Longitude, string? Name, string? Address);

/// <summary>
/// Something sent with a message. A photo the case keeps links to the case's own copy (<paramref name="PhotoUrl"/>,
/// the staff photo endpoint); the provider's link is never given out.
/// </summary>
/// <param name="PhotoNumber">The case photo it became, if any.</param>
/// <param name="PhotoStatus">That photo's status: pending, stored, failed or removed.</param>
public sealed record ConversationAttachmentDto(string? ContentType, string? Name, int? PhotoNumber, string? PhotoStatus, string? PhotoUrl);

internal static class CaseConversationMapping
{
    public const string Resident = "resident";
    public const string Bot = "bot";
    public const string Update = "update";

    public static CaseConversationDto ToDto(this CaseConversation conversation, Case c, int limit)
    {
        var note = conversation.Removed
            ? "The conversation was removed with the reporter's personal data after the retention period."
            : conversation.Truncated ? $"Only the latest {limit} messages are shown; older ones are left out." : null;
        return new CaseConversationDto(c.Ticket.ToString(), [.. conversation.Messages.Select(m => m.ToDto(c))], limit, conversation.Truncated, note);
    }

    private static ConversationMessageDto ToDto(this CaseConversationMessage m, Case c)
    {
        var activity = m.Activity;
        var attachments = (activity.Attachments ?? []).Select(a => Attachment(a, c)).ToList();
        var choices = (activity.SuggestedActions?.Actions ?? []).Select(a => a.Title ?? a.ValueText).OfType<string>().ToList();
        if (m.Outbound is not { } row)
        {
            var pin = GeoPoint.FromActivity(activity) is { } point ? new ConversationLocationDto(point.Latitude, point.Longitude, point.Name, point.Address) : null;
            return new ConversationMessageDto($"in-{m.Inbound!.Id}", Resident, m.ChannelId, activity.Text, m.At, attachments, choices, null, null, null, null, null, pin);
        }

        var direction = ProactiveNotification.Of(activity) is not null ? Update : Bot;
        return new ConversationMessageDto(
            $"out-{row.Id}",
            direction,
            m.ChannelId,
            activity.Text,
            m.At,
            attachments,
            choices,
            row.Status.ToString().ToLowerInvariant(),
            row.SentAt,
            row.DeliveryStatus,
            row.DeliveryErrorCode,
            row.Status == OutboxStatus.Failed ? row.LastError : null);
    }

    private static ConversationAttachmentDto Attachment(Attachment attachment, Case c)
    {
        var photo = attachment.ContentUrl is { Length: > 0 } url ? c.Photos.FirstOrDefault(p => string.Equals(p.SourceUrl, url, StringComparison.Ordinal)) : null;
        return new ConversationAttachmentDto(
            attachment.ContentType,
            attachment.Name,
            photo?.Number,
            photo?.Status.ToString().ToLowerInvariant(),
            photo?.Status == PhotoStatus.Stored ? $"/api/cases/{c.Ticket}/photos/{photo.Number}" : null);
    }
}
