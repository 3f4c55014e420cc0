using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Domain.Tests.Support;

namespace ChannelBot.Domain.Tests.Cases;

/// <summary>Assigning, recategorising (re-routing) and marking duplicates: each recorded, none on a closed case.</summary>
public sealed class CaseRoutingTests
{
    private static readonly DateTimeOffset Later = Submissions.Now.AddHours(2);

    [Fact]
    public void Assigning_records_who_and_keeps_the_status()
    {
        var @case = Case.Submit(Submissions.Pothole());

        @case.AssignTo("Crew 12", "Olga", Later, "first thing tomorrow");

        Assert.Equal("Crew 12", @case.Assignee);
        Assert.Equal(CaseStatus.Received, @case.Status);
        var entry = @case.History[^1];
        Assert.Equal(CaseChangeKind.Assigned, entry.Kind);
        Assert.Equal(CaseStatus.Received, entry.From);
        Assert.Equal(CaseStatus.Received, entry.To);
        Assert.Equal("assigned to Crew 12", entry.Detail);
        Assert.Equal("first thing tomorrow", entry.InternalNote);
        Assert.Equal(1, @case.Version);
    }

    [Fact]
    public void Unassigning_is_recorded_and_assigning_twice_to_the_same_is_refused()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.AssignTo("Crew 12", "Olga", Later);

        Assert.Throws<DomainException>(() => @case.AssignTo("Crew 12", "Olga", Later));
        @case.AssignTo(null, "Olga", Later);

        Assert.Null(@case.Assignee);
        Assert.Equal("unassigned", @case.History[^1].Detail);
    }

    [Fact]
    public void Recategorising_to_another_department_reroutes_and_drops_the_assignee()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.AssignTo("Crew 12", "Olga", Later);

        @case.Recategorise("sidewalk", "Sidewalk damage", "sidewalks", "Olga", Later, "it is on the sidewalk");

        Assert.Equal("sidewalk", @case.ServiceCode);
        Assert.Equal("Sidewalk damage", @case.ServiceName);
        Assert.Equal("sidewalks", @case.Department);
        Assert.Null(@case.Assignee);
        Assert.Equal(CaseChangeKind.Recategorised, @case.History[^1].Kind);
        Assert.Equal("pothole → sidewalk; routed streets → sidewalks", @case.History[^1].Detail);
    }

    [Fact]
    public void Placing_a_case_elsewhere_records_both_places_and_a_new_department_drops_the_assignee()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.AssignTo("Crew 12", "Olga", Later);
        var there = new CaseLocation("1250 N Main St", 42.113504, -72.589855, "Ward 3");

        Assert.Throws<DomainException>(() => @case.Relocate(@case.Location, @case.Department, "Olga", Later));
        @case.Relocate(there, "ward3", "Olga", Later, "crew found it");

        Assert.Equal(there, @case.Location);
        Assert.Equal("Ward 3", @case.Location.Area);
        Assert.Equal("ward3", @case.Department);
        Assert.Null(@case.Assignee);
        Assert.Equal(CaseChangeKind.Relocated, @case.History[^1].Kind);
        Assert.EndsWith("→ 1250 N Main St; routed streets → ward3", @case.History[^1].Detail, StringComparison.Ordinal);
        Assert.Equal("crew found it", @case.History[^1].InternalNote);
    }

    [Fact]
    public void Recategorising_within_the_department_keeps_the_assignee()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.AssignTo("Crew 12", "Olga", Later);

        @case.Recategorise("cavein", "Street cave-in", "streets", "Olga", Later);

        Assert.Equal("Crew 12", @case.Assignee);
        Assert.Equal("pothole → cavein", @case.History[^1].Detail);
    }

    [Fact]
    public void A_duplicate_is_closed_with_the_reason_and_points_at_the_original()
    {
        var original = Case.Submit(Submissions.Pothole());
        var repeat = Case.Submit(Submissions.Pothole() with { Ticket = TicketNumber.Create("311", 2026, 124) });

        repeat.MarkDuplicateOf(original, "Olga", Later, "Already reported");

        Assert.Equal(CaseStatus.Closed, repeat.Status);
        Assert.Equal(CaseClosureReason.Duplicate, repeat.ClosureReason);
        Assert.Equal(original.Ticket, repeat.DuplicateOf);
        Assert.Equal("duplicate of 311-2026-000123", repeat.History[^1].Detail);
        Assert.Equal("Already reported", repeat.History[^1].PublicNote);
    }

    [Fact]
    public void A_case_cannot_repeat_itself_or_a_duplicate()
    {
        var original = Case.Submit(Submissions.Pothole());
        var repeat = Case.Submit(Submissions.Pothole() with { Ticket = TicketNumber.Create("311", 2026, 124) });
        var third = Case.Submit(Submissions.Pothole() with { Ticket = TicketNumber.Create("311", 2026, 125) });
        repeat.MarkDuplicateOf(original, "Olga", Later);

        Assert.Throws<DomainException>(() => original.MarkDuplicateOf(original, "Olga", Later));
        var error = Assert.Throws<DomainException>(() => third.MarkDuplicateOf(repeat, "Olga", Later));
        Assert.Contains("311-2026-000123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_a_duplicate_makes_it_a_case_of_its_own_again()
    {
        var original = Case.Submit(Submissions.Pothole());
        var repeat = Case.Submit(Submissions.Pothole() with { Ticket = TicketNumber.Create("311", 2026, 124) });
        repeat.MarkDuplicateOf(original, "Olga", Later);

        repeat.Reopen("Olga", Later.AddHours(1), internalNote: "not the same hole");

        Assert.Null(repeat.DuplicateOf);
        Assert.Null(repeat.ClosureReason);
    }

    [Fact]
    public void A_closed_case_is_neither_assigned_nor_recategorised()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.Close(CaseClosureReason.NoAction, "Olga", Later);

        Assert.Throws<DomainException>(() => @case.AssignTo("Crew 12", "Olga", Later));
        Assert.Throws<DomainException>(() => @case.Recategorise("sidewalk", "Sidewalk damage", "sidewalks", "Olga", Later));
    }
}
