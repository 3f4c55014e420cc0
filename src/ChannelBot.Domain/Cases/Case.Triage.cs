using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>What staff change besides the status: who works on it, where it is, what service, duplicates, and removing personal data.</summary>
public sealed partial class Case
{
    /// <summary>Gives the case to a crew or person (null: takes it back). Only an open case is assigned.</summary>
    public void AssignTo(string? assignee, string by, DateTimeOffset now, string? internalNote = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var who = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        Require(who is not { Length: > MaxAssigneeLength }, $"An assignee's name has at most {MaxAssigneeLength} characters.");
        Require(IsOpen, $"Case {Ticket} is {Status.ToCode()}: reopen it before assigning it.");
        Require(who != Assignee, who is null ? $"Case {Ticket} is not assigned." : $"Case {Ticket} is already assigned to {who}.");
        Assignee = who;
        Record(CaseChangeKind.Assigned, by, now, internalNote, who is null ? "unassigned" : $"assigned to {who}");
    }

    /// <summary>
    /// Places the case where staff found it is (a place the map could not find, or a resident's mistake), routed to
    /// <paramref name="department"/> for the new place; a new department clears the assignee.
    /// </summary>
    public void Relocate(CaseLocation location, string department, string by, DateTimeOffset now, string? internalNote = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Require(location != Location, $"Case {Ticket} is already there.");
        var detail = $"{Location.Address ?? "(no address)"} → {location.Address ?? "(no address)"}"
            + (department == Department ? string.Empty : $"; routed {Department} → {department}");
        Location = location;
        if (department != Department)
        {
            Department = department;
            Assignee = null;
        }

        Record(CaseChangeKind.Relocated, by, now, internalNote, detail);
    }

    /// <summary>
    /// Files the case under another service, routed to that service's department (staff found the resident
    /// picked the wrong category). Only an open case; the answers to the old service's questions are kept.
    /// </summary>
    public void Recategorise(string serviceCode, string serviceName, string department, string by, DateTimeOffset now, string? internalNote = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Require(IsOpen, $"Case {Ticket} is {Status.ToCode()}: reopen it before changing its category.");
        Require(serviceCode != ServiceCode, $"Case {Ticket} is already filed under {serviceCode}.");
        var detail = department == Department
            ? $"{ServiceCode} → {serviceCode}"
            : $"{ServiceCode} → {serviceCode}; routed {Department} → {department}";
        ServiceCode = serviceCode;
        ServiceName = serviceName;
        if (department != Department)
        {
            Department = department;
            Assignee = null;
        }

        Record(CaseChangeKind.Recategorised, by, now, internalNote, detail);
    }

    /// <summary>Closes the case as a repeat of <paramref name="original"/>, which its reporter then follows.</summary>
    public void MarkDuplicateOf(Case original, string by, DateTimeOffset now, string? publicNote = null, string? internalNote = null)
    {
        ArgumentNullException.ThrowIfNull(original);
        Require(original.Id != Id, $"Case {Ticket} cannot repeat itself.");
        Require(original.DuplicateOf is null, $"Case {original.Ticket} is itself a duplicate of {original.DuplicateOf}: mark this one a duplicate of {original.DuplicateOf}.");
        MoveTo(CaseStatus.Closed, by, now, publicNote, internalNote, $"duplicate of {original.Ticket}");
        ClosureReason = CaseClosureReason.Duplicate;
        DuplicateOf = original.Ticket;
        Assignee = null;
    }

    /// <summary>
    /// Removes what identifies the reporter from a closed case once its retention period is over: their name, phone,
    /// email and channel id, the conversation it came from, their consent to updates, and the photos (whose stored
    /// copies the caller deletes). What was reported, where and what the city did stay, for the record.
    /// </summary>
    public void RemovePersonalData(string by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Require(Status == CaseStatus.Closed, $"Case {Ticket} is {Status.ToCode()}: only a closed case's personal data is removed.");
        Reporter = new ResidentContact(null, null, null, Reporter.ChannelId, string.Empty);
        ConsentToUpdates = false;
        UpdateChannel = null;
        ConversationKey = $"{Reporter.ChannelId}/conversations/(removed)";
        ConversationReferenceJson = null;
        foreach (var photo in _photos.Where(p => p.Status != PhotoStatus.Removed))
        {
            photo.MarkRemoved("Removed with the reporter's personal data after the retention period.");
        }

        Record(CaseChangeKind.Anonymised, by, now, null, "the reporter's contact details and photos were removed (retention period)");
    }
}
