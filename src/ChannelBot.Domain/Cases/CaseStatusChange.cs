namespace ChannelBot.Domain.Cases;

/// <summary>
/// One entry of a case's history. <see cref="PublicNote"/> may be shown to the resident (Open311
/// <c>status_notes</c>); <see cref="InternalNote"/> is for staff only.
/// </summary>
public sealed class CaseStatusChange
{
    internal CaseStatusChange(int sequence, CaseStatus? from, CaseStatus to, DateTimeOffset at, string by, string? publicNote, string? internalNote, CaseChangeKind kind = CaseChangeKind.Status, string? detail = null)
    {
        Kind = kind;
        Detail = detail;
        Sequence = sequence;
        From = from;
        To = to;
        At = at;
        By = by;
        PublicNote = publicNote;
        InternalNote = internalNote;
    }

    // For the persistence layer.
    private CaseStatusChange()
    {
        By = string.Empty;
    }

    /// <summary>1 for the case's first entry, then 2, 3...: the order of the history, and a stable update id.</summary>
    public int Sequence { get; private set; }

    /// <summary>Null for the first entry (the case did not exist before).</summary>
    public CaseStatus? From { get; private set; }

    public CaseStatus To { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary><see cref="CaseActors.Resident"/>, <see cref="CaseActors.System"/>, or a staff member's name.</summary>
    public string By { get; private set; }

    public string? PublicNote { get; private set; }

    public string? InternalNote { get; private set; }

    /// <summary>A status move, an assignment or a recategorisation (the last two keep the status: From = To).</summary>
    public CaseChangeKind Kind { get; private set; }

    /// <summary>What changed, in words for staff: "assigned to Crew 12", "PTHOLE → SDWLK", "duplicate of 311-2026-000007".</summary>
    public string? Detail { get; private set; }
}
