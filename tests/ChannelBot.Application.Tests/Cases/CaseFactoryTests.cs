using ChannelBot.Application.Cases;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Domain.Cases;
using ChannelBot.Schema;

namespace ChannelBot.Application.Tests.Cases;

/// <summary>A finished intake becomes a case: everything the resident confirmed, the due date, where to answer.</summary>
public sealed class CaseFactoryTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TicketNumber Ticket = TicketNumber.Create("311", 2026, 123);

    [Fact]
    public void Every_answer_goes_onto_the_case()
    {
        var created = CaseFactory.Create(Submission(), Ticket, Chicago);

        Assert.Equal("311-2026-000123", created.Ticket.ToString());
        Assert.Equal(CaseStatus.Received, created.Status);
        Assert.Equal("PTHOLE", created.ServiceCode);
        Assert.Equal("Streets", created.Department);
        Assert.Equal("123 Main St", created.Location.Address);
        Assert.Equal(39.78, created.Location.Latitude);
        var attribute = Assert.Single(created.Attributes);
        Assert.Equal(["curb"], attribute.Values);
        Assert.Equal("Next to the curb", attribute.DisplayText);
        var photo = Assert.Single(created.Photos);
        Assert.Equal("https://media.example/p1.jpg", photo.SourceUrl);
        Assert.Equal(PhotoStatus.Pending, photo.Status);
        Assert.Equal("+12025550143", created.Reporter.Phone);
        Assert.Equal("whatsapp:+12025550143", created.Reporter.ChannelUserId);
        Assert.True(created.ConsentToUpdates);
        Assert.Equal("es", created.Language);
    }

    [Fact]
    public void The_case_remembers_the_conversation_to_answer_in()
    {
        var created = CaseFactory.Create(Submission(), Ticket, Chicago);

        Assert.Equal("whatsapp", created.ChannelId);
        Assert.Equal("whatsapp/conversations/whatsapp:+12025550143", created.ConversationKey);
        var reference = ActivityJson.DeserializeReference(created.ConversationReferenceJson!);
        Assert.Equal("whatsapp:+12025550143", reference.Conversation?.Id);
    }

    [Fact]
    public void Business_days_skip_the_weekend_in_the_city_time_zone()
    {
        // Friday 2026-11-27 at 16:00 in Chicago (22:00 UTC); 3 business days → Wednesday 2 December.
        var submitted = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

        var created = CaseFactory.Create(Submission(submitted, slaDays: 3, businessDays: true), Ticket, Chicago);

        var due = TimeZoneInfo.ConvertTime(created.DueAt!.Value, Chicago);
        Assert.Equal(new DateOnly(2026, 12, 2), DateOnly.FromDateTime(due.DateTime));
    }

    [Fact]
    public void Without_a_service_level_there_is_no_due_date()
    {
        var created = CaseFactory.Create(Submission(slaDays: 0), Ticket, Chicago);

        Assert.Null(created.DueAt);
    }

    private static IntakeSubmission Submission(DateTimeOffset? at = null, int slaDays = 3, bool businessDays = true)
    {
        const string address = "whatsapp:+12025550143";
        return new IntakeSubmission(
            "PTHOLE",
            "Pothole",
            "Streets",
            [new SubmittedAttribute("WHERE_IN_ROAD", ["curb"], "Next to the curb")],
            new LocationAnswer("123 Main St", 39.78, -89.65),
            "Deep hole",
            [new PhotoAnswer("https://media.example/p1.jpg", "image/jpeg", null)],
            "Ana",
            "+12025550143",
            null,
            ConsentToUpdates: true,
            "es",
            "whatsapp",
            address,
            new ConversationReference { ChannelId = "whatsapp", Conversation = new ConversationAccount { Id = address }, User = new ChannelAccount { Id = address } },
            slaDays,
            businessDays,
            at ?? new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    }
}
