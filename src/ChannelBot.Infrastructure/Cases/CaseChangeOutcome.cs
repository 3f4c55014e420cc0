using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>What became of a requested change.</summary>
public enum CaseChangeStatus
{
    Changed,
    NotFound,
    Forbidden,
    Refused,
    Conflict,
}

/// <param name="Reason">Why it was refused or conflicted, in words for the caller.</param>
/// <param name="Notified">How many messages to the resident the change queued.</param>
public sealed record CaseChangeOutcome(CaseChangeStatus Status, Case? Case = null, string? Reason = null, int Notified = 0);
