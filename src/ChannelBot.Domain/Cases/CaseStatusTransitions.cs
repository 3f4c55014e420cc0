namespace ChannelBot.Domain.Cases;

/// <summary>
/// The moves a case's status may make. Work moves forward (received → acknowledged → scheduled → in progress →
/// fixed → closed, skipping steps is fine); the only way back is <see cref="CaseStatus.Reopened"/>, from a
/// fixed or closed case.
/// </summary>
public static class CaseStatusTransitions
{
    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Received] = [CaseStatus.Acknowledged, CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Fixed, CaseStatus.Closed],
        [CaseStatus.Acknowledged] = [CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Fixed, CaseStatus.Closed],
        [CaseStatus.Scheduled] = [CaseStatus.InProgress, CaseStatus.Fixed, CaseStatus.Closed],
        [CaseStatus.InProgress] = [CaseStatus.Fixed, CaseStatus.Closed],
        [CaseStatus.Fixed] = [CaseStatus.Closed, CaseStatus.Reopened],
        [CaseStatus.Closed] = [CaseStatus.Reopened],
        [CaseStatus.Reopened] = [CaseStatus.Acknowledged, CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Fixed, CaseStatus.Closed],
    };

    public static bool IsAllowed(CaseStatus from, CaseStatus to) =>
        Allowed.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;
}
