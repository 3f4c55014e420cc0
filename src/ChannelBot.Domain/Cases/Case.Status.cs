using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>A case's status moves: each checked against <see cref="CaseStatusTransitions"/> and recorded in <see cref="History"/>.</summary>
public sealed partial class Case
{
    /// <summary>Staff have seen the case and accept it (assigned to a team).</summary>
    public void Acknowledge(string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null) =>
        MoveTo(CaseStatus.Acknowledged, by, now, publicNote, internalNote);

    /// <summary>Work is planned.</summary>
    public void Schedule(string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null) =>
        MoveTo(CaseStatus.Scheduled, by, now, publicNote, internalNote);

    /// <summary>A crew is working on it.</summary>
    public void StartWork(string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null) =>
        MoveTo(CaseStatus.InProgress, by, now, publicNote, internalNote);

    /// <summary>The problem is fixed.</summary>
    public void MarkFixed(string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null) =>
        MoveTo(CaseStatus.Fixed, by, now, publicNote, internalNote);

    /// <summary>
    /// Closes the case. A fixed case closes without a reason; any other case needs one, so that a plain "closed"
    /// is never mistaken for "fixed".
    /// </summary>
    public void Close(CaseClosureReason? reason, string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null)
    {
        if (reason is null && Status != CaseStatus.Fixed)
        {
            throw new DomainException($"Case {Ticket} is {Status.ToCode()}, not fixed: closing it needs a reason (duplicate, referred, no action).");
        }

        // A duplicate names its original, so the resident goes on to hear about it: that is MarkDuplicateOf.
        Require(reason != CaseClosureReason.Duplicate, $"Closing case {Ticket} as a duplicate needs the original: mark it a duplicate of that case.");

        MoveTo(CaseStatus.Closed, by, now, publicNote, internalNote);
        ClosureReason = reason;
    }

    /// <summary>The problem is back, or the case was closed by mistake.</summary>
    public void Reopen(string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null)
    {
        MoveTo(CaseStatus.Reopened, by, now, publicNote, internalNote);
        ClosureReason = null;
        DuplicateOf = null;
    }
}
