using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Tests.Support;

/// <summary>Complete, valid cases with ticket numbers no other test uses.</summary>
public static class TestCases
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 30, 15, TimeSpan.Zero);

    private static long _sequence;

    public static TicketNumber NextTicket() => TicketNumber.Create("311", 2026, Interlocked.Increment(ref _sequence));

    public static CaseSubmission Pothole(DateTimeOffset? now = null, string service = "pothole", string department = "streets")
    {
        var at = now ?? Now;
        return new CaseSubmission(
            Ticket: NextTicket(),
            ServiceCode: service,
            ServiceName: "Pothole",
            Department: department,
            Attributes:
            [
                new CaseAttribute("size", ["large"], "Larger than a dinner plate"),
                new CaseAttribute("hazards", ["traffic", "bikes"], null),
            ],
            Location: new CaseLocation("12 Main St, Springfield", 40.7128, -74.006),
            Description: "Deep hole in the right lane.\nCars swerve around it.",
            Photos:
            [
                new SubmittedPhoto("https://api.twilio.example/Media/ME1", "image/jpeg", "hole.jpg"),
                new SubmittedPhoto("https://api.twilio.example/Media/ME2", "image/png", null),
            ],
            Reporter: new ResidentContact("Ana Pérez", "+15555550123", "ana@example.org", "sms", "+15555550123"),
            ConsentToUpdates: true,
            ChannelId: "sms",
            ConversationKey: "sms/conversations/+15555550123",
            ConversationReferenceJson: """{"channelId":"sms","conversation":{"id":"+15555550123"}}""",
            Language: "es",
            DueAt: at.ToOffset(TimeSpan.FromHours(-4)).AddDays(3),
            Now: at);
    }
}
