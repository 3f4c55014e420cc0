using ChannelBot.Domain.Cases;

namespace ChannelBot.Domain.Tests.Support;

/// <summary>A complete, valid submission to start from; tests change what they are about with <c>with</c>.</summary>
public static class Submissions
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 30, 0, TimeSpan.Zero);

    public static CaseSubmission Pothole() => new(
        Ticket: TicketNumber.Create("311", 2026, 123),
        ServiceCode: "pothole",
        ServiceName: "Pothole",
        Department: "streets",
        Attributes:
        [
            new CaseAttribute("size", ["large"], "Larger than a dinner plate"),
            new CaseAttribute("hazards", ["traffic", "bikes"], "Traffic lane, bike lane"),
        ],
        Location: new CaseLocation("12 Main St", 40.7128, -74.006),
        Description: "Deep hole in the right lane",
        Photos: [new SubmittedPhoto("https://api.twilio.example/Media/ME1", "image/jpeg", "hole.jpg")],
        Reporter: new ResidentContact("Ana", "+15555550123", "ana@example.org", "sms", "+15555550123"),
        ConsentToUpdates: true,
        ChannelId: "sms",
        ConversationKey: "sms/conversations/+15555550123",
        ConversationReferenceJson: """{"channelId":"sms"}""",
        Language: "es",
        DueAt: Now.AddDays(3),
        Now: Now);
}
