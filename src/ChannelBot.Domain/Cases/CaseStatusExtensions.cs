namespace ChannelBot.Domain.Cases;

public static class CaseStatusExtensions
{
    /// <summary>Open311 v2 has only open and closed: fixed and closed are closed, everything else is open.</summary>
    public static Open311Status ToOpen311Status(this CaseStatus status) => status switch
    {
        CaseStatus.Fixed or CaseStatus.Closed => Open311Status.Closed,
        _ => Open311Status.Open,
    };

    /// <summary>The status as a lower snake case code (<c>received</c>, <c>in_progress</c>...), as APIs and dialogs name it.</summary>
    public static string ToCode(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.Acknowledged => "acknowledged",
        CaseStatus.Scheduled => "scheduled",
        CaseStatus.InProgress => "in_progress",
        CaseStatus.Fixed => "fixed",
        CaseStatus.Closed => "closed",
        CaseStatus.Reopened => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown case status."),
    };
}
