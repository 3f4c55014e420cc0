using ChannelBot.Domain.Cases;
using ChannelBot.Domain.Common;
using ChannelBot.Domain.Tests.Support;

namespace ChannelBot.Domain.Tests.Cases;

public class CaseStatusTransitionTests
{
    private static readonly DateTimeOffset Later = Submissions.Now.AddHours(2);

    /// <summary>The whole table: every (from, to) pair and whether it is allowed.</summary>
    public static TheoryData<CaseStatus, CaseStatus, bool> Table()
    {
        var allowed = new HashSet<(CaseStatus, CaseStatus)>
        {
            (CaseStatus.Received, CaseStatus.Acknowledged), (CaseStatus.Received, CaseStatus.Scheduled), (CaseStatus.Received, CaseStatus.InProgress),
            (CaseStatus.Received, CaseStatus.Fixed), (CaseStatus.Received, CaseStatus.Closed),
            (CaseStatus.Acknowledged, CaseStatus.Scheduled), (CaseStatus.Acknowledged, CaseStatus.InProgress), (CaseStatus.Acknowledged, CaseStatus.Fixed),
            (CaseStatus.Acknowledged, CaseStatus.Closed),
            (CaseStatus.Scheduled, CaseStatus.InProgress), (CaseStatus.Scheduled, CaseStatus.Fixed), (CaseStatus.Scheduled, CaseStatus.Closed),
            (CaseStatus.InProgress, CaseStatus.Fixed), (CaseStatus.InProgress, CaseStatus.Closed),
            (CaseStatus.Fixed, CaseStatus.Closed), (CaseStatus.Fixed, CaseStatus.Reopened),
            (CaseStatus.Closed, CaseStatus.Reopened),
            (CaseStatus.Reopened, CaseStatus.Acknowledged), (CaseStatus.Reopened, CaseStatus.Scheduled), (CaseStatus.Reopened, CaseStatus.InProgress),
            (CaseStatus.Reopened, CaseStatus.Fixed), (CaseStatus.Reopened, CaseStatus.Closed),
        };
        var data = new TheoryData<CaseStatus, CaseStatus, bool>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to, allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_case_moves_only_along_the_allowed_transitions(CaseStatus from, CaseStatus to, bool allowed)
    {
        var @case = CaseIn(from);
        var historyBefore = @case.History.Count;

        var move = () => MoveTo(@case, to);

        if (allowed)
        {
            move();
            Assert.Equal(to, @case.Status);
            var last = @case.History[^1];
            Assert.Equal((from, to, historyBefore + 1), (last.From!.Value, last.To, last.Sequence));
        }
        else
        {
            Assert.Throws<DomainException>(move);
            Assert.Equal(from, @case.Status);
            Assert.Equal(historyBefore, @case.History.Count);
        }
    }

    [Fact]
    public void A_change_records_who_when_and_both_notes()
    {
        var @case = Case.Submit(Submissions.Pothole());

        @case.Schedule("j.doe", Later, "Crew booked for Thursday", "Needs the big truck");

        var change = @case.History[^1];
        Assert.Equal(("j.doe", Later, "Crew booked for Thursday", "Needs the big truck"), (change.By, change.At, change.PublicNote, change.InternalNote));
        Assert.Equal(Later, @case.UpdatedAt);
        Assert.Equal(1, @case.Version);
    }

    [Fact]
    public void Closing_an_unfixed_case_without_a_reason_is_refused_so_closed_never_reads_as_fixed()
    {
        var @case = Case.Submit(Submissions.Pothole());

        Assert.Throws<DomainException>(() => @case.Close(null, "j.doe", Later));
        Assert.Equal(CaseStatus.Received, @case.Status);
    }

    [Fact]
    public void A_fixed_case_closes_without_a_reason()
    {
        var @case = Case.Submit(Submissions.Pothole());
        @case.MarkFixed("crew-7", Later);

        @case.Close(null, "j.doe", Later.AddDays(1));

        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Null(@case.ClosureReason);
        Assert.False(@case.IsOpen);
    }

    [Fact]
    public void Closing_as_a_duplicate_keeps_the_reason_until_the_case_is_reopened()
    {
        var original = Case.Submit(Submissions.Pothole());
        var @case = Case.Submit(Submissions.Pothole());

        @case.MarkDuplicateOf(original, "j.doe", Later, "Same as the earlier report");
        Assert.Equal(CaseClosureReason.Duplicate, @case.ClosureReason);

        @case.Reopen("j.doe", Later.AddHours(1));
        Assert.Null(@case.ClosureReason);
        Assert.True(@case.IsOpen);
    }

    [Fact]
    public void Closing_as_a_duplicate_without_naming_the_original_is_refused()
    {
        var @case = Case.Submit(Submissions.Pothole());

        var refused = Assert.Throws<DomainException>(() => @case.Close(CaseClosureReason.Duplicate, "j.doe", Later));

        Assert.Contains("needs the original", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Received, @case.Status);
    }

    [Fact]
    public void A_change_needs_to_say_who_made_it()
    {
        var @case = Case.Submit(Submissions.Pothole());

        Assert.ThrowsAny<ArgumentException>(() => @case.Acknowledge(" ", Later));
    }

    private static Case CaseIn(CaseStatus status)
    {
        var @case = Case.Submit(Submissions.Pothole());
        switch (status)
        {
            case CaseStatus.Received:
                break;
            case CaseStatus.Closed:
                @case.Close(CaseClosureReason.NoAction, "setup", Submissions.Now);
                break;
            case CaseStatus.Reopened:
                @case.Close(CaseClosureReason.NoAction, "setup", Submissions.Now);
                @case.Reopen("setup", Submissions.Now);
                break;
            default:
                MoveTo(@case, status);
                break;
        }

        Assert.Equal(status, @case.Status);
        return @case;
    }

    private static void MoveTo(Case @case, CaseStatus to)
    {
        switch (to)
        {
            case CaseStatus.Received:
                throw new DomainException("Nothing moves a case back to received.");
            case CaseStatus.Acknowledged:
                @case.Acknowledge("staff", Later);
                break;
            case CaseStatus.Scheduled:
                @case.Schedule("staff", Later);
                break;
            case CaseStatus.InProgress:
                @case.StartWork("staff", Later);
                break;
            case CaseStatus.Fixed:
                @case.MarkFixed("staff", Later);
                break;
            case CaseStatus.Closed:
                @case.Close(CaseClosureReason.Referred, "staff", Later);
                break;
            case CaseStatus.Reopened:
                @case.Reopen("staff", Later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, null);
        }
    }
}
