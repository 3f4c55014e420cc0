using ChannelBot.Application.Conversations;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Application.Cases;

/// <summary>Turns a finished intake into a new <see cref="Case"/>: the ticket, the due date from the service level, the reporter.</summary>
public static class CaseFactory
{
    public static Case Create(IntakeSubmission submission, TicketNumber ticket, TimeZoneInfo cityTimeZone)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(cityTimeZone);

        var reference = submission.ConversationReference;
        var conversationId = reference.Conversation?.Id ?? string.Empty;
        var dueAt = submission.SlaDays > 0
            ? ServiceLevelCalculator.DueAt(
                submission.SubmittedAt,
                new ServiceLevelTarget(submission.SlaDays, submission.SlaBusinessDays ? ServiceDayKind.Business : ServiceDayKind.Calendar),
                cityTimeZone)
            : (DateTimeOffset?)null;

        return Case.Submit(new CaseSubmission(
            ticket,
            submission.ServiceCode,
            submission.ServiceName,
            submission.Department,
            [.. submission.Attributes.Select(a => new CaseAttribute(a.Code, a.Values, a.Display))],
            new CaseLocation(submission.Location.Address, submission.Location.Latitude, submission.Location.Longitude, submission.Location.Area),
            submission.Description,
            [.. submission.Photos.Select(p => new SubmittedPhoto(p.Url, p.ContentType, p.Name))],
            new ResidentContact(submission.Name, submission.Phone, submission.Email, submission.ChannelId, submission.ChannelUserId ?? string.Empty),
            submission.ConsentToUpdates,
            submission.ChannelId,
            ConversationKey.For(submission.ChannelId, conversationId),
            Schema.ActivityJson.Serialize(reference),
            submission.Language,
            dueAt,
            submission.SubmittedAt,
            submission.UpdateChannel,
            submission.DescriptionPublic,
            submission.FiledBy,
            submission.IntakeNote));
    }
}
