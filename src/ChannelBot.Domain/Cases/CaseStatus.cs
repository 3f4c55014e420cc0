namespace ChannelBot.Domain.Cases;

/// <summary>
/// Where a case stands. Every status maps to Open311's <c>open</c>/<c>closed</c> through
/// <see cref="CaseStatusExtensions.ToOpen311Status"/>; the finer steps are ours (and mySociety's extension).
/// </summary>
public enum CaseStatus
{
    Received,
    Acknowledged,
    Scheduled,
    InProgress,
    Fixed,
    Closed,
    Reopened,
}
