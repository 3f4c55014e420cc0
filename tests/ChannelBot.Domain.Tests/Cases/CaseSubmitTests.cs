using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Domain.Tests.Support;

namespace ChannelBot.Domain.Tests.Cases;

public class CaseSubmitTests
{
    [Fact]
    public void A_submitted_case_is_received_with_one_history_entry_by_the_resident()
    {
        var @case = Case.Submit(Submissions.Pothole());

        Assert.Equal(CaseStatus.Received, @case.Status);
        var first = Assert.Single(@case.History);
        Assert.Equal(1, first.Sequence);
        Assert.Null(first.From);
        Assert.Equal(CaseStatus.Received, first.To);
        Assert.Equal(Submissions.Now, first.At);
        Assert.Equal(CaseActors.Resident, first.By);
        Assert.Null(first.PublicNote);
        Assert.Null(first.InternalNote);
    }

    [Fact]
    public void A_case_a_call_taker_files_names_them_and_their_note_on_its_first_entry()
    {
        var @case = Case.Submit(Submissions.Pothole() with { FiledBy = " Olga Operator ", IntakeNote = "Taken by phone; the caller agreed to SMS updates." });

        var first = Assert.Single(@case.History);
        Assert.Equal("Olga Operator", first.By);
        Assert.Equal("Taken by phone; the caller agreed to SMS updates.", first.InternalNote);
        Assert.Null(first.PublicNote);
    }

    [Fact]
    public void A_submitted_case_keeps_everything_the_resident_confirmed()
    {
        var submission = Submissions.Pothole();

        var @case = Case.Submit(submission);

        Assert.NotEqual(Guid.Empty, @case.Id);
        Assert.Equal("311-2026-000123", @case.Ticket.ToString());
        Assert.Equal(("pothole", "Pothole", "streets"), (@case.ServiceCode, @case.ServiceName, @case.Department));
        Assert.Equal(["size", "hazards"], @case.Attributes.Select(a => a.Code));
        Assert.Equal(["traffic", "bikes"], @case.Attributes[1].Values);
        Assert.Equal(submission.Location, @case.Location);
        Assert.Equal("Deep hole in the right lane", @case.Description);
        Assert.Equal(submission.Reporter, @case.Reporter);
        Assert.True(@case.ConsentToUpdates);
        Assert.Equal(("sms", "sms/conversations/+15555550123", "es"), (@case.ChannelId, @case.ConversationKey, @case.Language));
        Assert.Equal("""{"channelId":"sms"}""", @case.ConversationReferenceJson);
        Assert.Equal((Submissions.Now, Submissions.Now, Submissions.Now.AddDays(3)), (@case.CreatedAt, @case.UpdatedAt, @case.DueAt));
        Assert.Null(@case.ClosureReason);
        Assert.True(@case.IsOpen);
    }

    [Fact]
    public void Submitted_photos_wait_to_be_stored()
    {
        var @case = Case.Submit(Submissions.Pothole());

        var photo = Assert.Single(@case.Photos);
        Assert.Equal(1, photo.Number);
        Assert.Equal(PhotoStatus.Pending, photo.Status);
        Assert.Equal(("https://api.twilio.example/Media/ME1", "image/jpeg", "hole.jpg"), (photo.SourceUrl, photo.ContentType, photo.FileName));
        Assert.Null(photo.StoredPath);
        Assert.NotEqual(Guid.Empty, photo.Id);
    }

    [Fact]
    public void Attribute_values_are_copied_so_the_caller_cannot_change_the_case_afterwards()
    {
        var values = new List<string> { "large" };
        var submission = Submissions.Pothole() with { Attributes = [new CaseAttribute("size", values, null)] };

        var @case = Case.Submit(submission);
        values[0] = "small";

        Assert.Equal(["large"], @case.Attributes[0].Values);
    }

    [Fact]
    public void Photos_are_numbered_in_the_order_they_were_sent()
    {
        var submission = Submissions.Pothole() with
        {
            Photos = [new SubmittedPhoto("https://a.example/1", "image/jpeg", null), new SubmittedPhoto("https://a.example/2", "image/png", null)],
        };

        var @case = Case.Submit(submission);

        Assert.Equal([(1, "https://a.example/1"), (2, "https://a.example/2")], @case.Photos.Select(p => (p.Number, p.SourceUrl)));
    }

    [Fact]
    public void Two_cases_get_different_ids()
    {
        Assert.NotEqual(Case.Submit(Submissions.Pothole()).Id, Case.Submit(Submissions.Pothole()).Id);
    }

    public static TheoryData<string, CaseSubmission> Incomplete => new()
    {
        { "no service code", Submissions.Pothole() with { ServiceCode = " " } },
        { "no service name", Submissions.Pothole() with { ServiceName = "" } },
        { "no department", Submissions.Pothole() with { Department = "" } },
        { "no channel", Submissions.Pothole() with { ChannelId = "" } },
        { "no conversation", Submissions.Pothole() with { ConversationKey = "" } },
        { "no language", Submissions.Pothole() with { Language = "" } },
        { "description too long", Submissions.Pothole() with { Description = new string('x', Case.MaxDescriptionLength + 1) } },
        { "due before filed", Submissions.Pothole() with { DueAt = Submissions.Now.AddMinutes(-1) } },
        { "attribute answered twice", Submissions.Pothole() with { Attributes = [new CaseAttribute("size", ["large"], null), new CaseAttribute("size", ["small"], null)] } },
        { "attribute without code", Submissions.Pothole() with { Attributes = [new CaseAttribute("", ["large"], null)] } },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void An_incomplete_or_inconsistent_submission_is_refused(string what, CaseSubmission submission)
    {
        Assert.NotNull(what);
        Assert.Throws<DomainException>(() => Case.Submit(submission));
    }

    [Fact]
    public void A_description_of_exactly_the_open311_limit_is_accepted()
    {
        var @case = Case.Submit(Submissions.Pothole() with { Description = new string('x', Case.MaxDescriptionLength) });

        Assert.Equal(Case.MaxDescriptionLength, @case.Description!.Length);
    }
}
