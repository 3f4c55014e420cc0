using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// A resident's report, from submission to closure. The only way in is <see cref="Submit"/>; the only way to
/// change the status is an intention-named method (<see cref="Acknowledge"/>, <see cref="Schedule"/>,
/// <see cref="StartWork"/>, <see cref="MarkFixed"/>, <see cref="Close"/>, <see cref="Reopen"/>), each of which
/// refuses an illegal move with a <see cref="DomainException"/> and records the change in <see cref="History"/>.
/// </summary>
public sealed class Case
{
    /// <summary>Open311 allows 4,000 characters of description.</summary>
    public const int MaxDescriptionLength = 4000;

    private readonly List<CasePhoto> _photos = [];
    private readonly List<CaseStatusChange> _history = [];

    // For the persistence layer.
    private Case()
    {
        Ticket = null!;
        ServiceCode = string.Empty;
        ServiceName = string.Empty;
        Department = string.Empty;
        Attributes = [];
        Location = null!;
        Reporter = null!;
        ChannelId = string.Empty;
        ConversationKey = string.Empty;
        Language = string.Empty;
    }

    public Guid Id { get; private set; }

    public TicketNumber Ticket { get; private set; }

    public string ServiceCode { get; private set; }

    /// <summary>The service's name when the case was filed.</summary>
    public string ServiceName { get; private set; }

    /// <summary>The code of the department responsible.</summary>
    public string Department { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>Why the case was closed, when it was closed without being fixed.</summary>
    public CaseClosureReason? ClosureReason { get; private set; }

    public IReadOnlyList<CaseAttribute> Attributes { get; private set; }

    public CaseLocation Location { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The resident agreed at intake that <see cref="Description"/> may be shown publicly (default no).</summary>
    public bool DescriptionPublic { get; private set; }

    /// <summary>The photos in the order the resident sent them.</summary>
    public IReadOnlyList<CasePhoto> Photos => _photos;

    public ResidentContact Reporter { get; private set; }

    /// <summary>The resident agreed to hear about status changes.</summary>
    public bool ConsentToUpdates { get; private set; }

    public string ChannelId { get; private set; }

    /// <summary>
    /// The channel the resident chose for updates at the end of a web chat report (<c>sms</c>, <c>whatsapp</c> or
    /// <c>email</c>, to the phone or email they gave); null when updates go to their own conversation.
    /// </summary>
    public string? UpdateChannel { get; private set; }

    public string ConversationKey { get; private set; }

    /// <summary>Opaque JSON the application keeps to message the resident later.</summary>
    public string? ConversationReferenceJson { get; private set; }

    public string Language { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The crew or person working on it, when staff assigned it.</summary>
    public string? Assignee { get; private set; }

    /// <summary>The case this one repeats, when staff closed it as a duplicate; its reporter then follows that case.</summary>
    public TicketNumber? DuplicateOf { get; private set; }

    /// <summary>Every change the case has had, oldest first; the first entry is its submission.</summary>
    public IReadOnlyList<CaseStatusChange> History => _history;

    /// <summary>Goes up by one with every change; storage uses it to refuse a concurrent change.</summary>
    public long Version { get; private set; }

    public bool IsOpen => Status.ToOpen311Status() == Open311Status.Open;

    public static Case Submit(CaseSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        Require(submission.Ticket is not null, "A case needs a ticket number.");
        Require(!string.IsNullOrWhiteSpace(submission.ServiceCode), "A case needs a service code.");
        Require(!string.IsNullOrWhiteSpace(submission.ServiceName), "A case needs the service's name.");
        Require(!string.IsNullOrWhiteSpace(submission.Department), "A case needs a department.");
        Require(submission.Location is not null, "A case needs a location (it may be empty).");
        Require(submission.Reporter is not null, "A case needs its reporter.");
        Require(!string.IsNullOrWhiteSpace(submission.ChannelId), "A case needs the channel it came from.");
        Require(!string.IsNullOrWhiteSpace(submission.ConversationKey), "A case needs the conversation it came from.");
        Require(!string.IsNullOrWhiteSpace(submission.Language), "A case needs the resident's language.");
        Require(submission.Description is not { Length: > MaxDescriptionLength }, $"A description has at most {MaxDescriptionLength} characters.");
        Require(submission.DueAt is null || submission.DueAt >= submission.Now, "A case cannot be due before it was filed.");
        var attributes = submission.Attributes ?? [];
        Require(attributes.All(a => a is not null && !string.IsNullOrWhiteSpace(a.Code) && a.Values is not null), "Every attribute needs a code and values.");
        Require(attributes.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count() == attributes.Count, "An attribute is answered at most once.");

        var @case = new Case
        {
            Id = Guid.CreateVersion7(submission.Now),
            Ticket = submission.Ticket!,
            ServiceCode = submission.ServiceCode,
            ServiceName = submission.ServiceName,
            Department = submission.Department,
            Status = CaseStatus.Received,
            Attributes = attributes.Select(a => a with { Values = [.. a.Values] }).ToList(),
            Location = submission.Location!,
            Description = string.IsNullOrWhiteSpace(submission.Description) ? null : submission.Description,
            DescriptionPublic = submission.DescriptionPublic,
            Reporter = submission.Reporter!,
            ConsentToUpdates = submission.ConsentToUpdates,
            ChannelId = submission.ChannelId,
            UpdateChannel = submission.UpdateChannel,
            ConversationKey = submission.ConversationKey,
            ConversationReferenceJson = submission.ConversationReferenceJson,
            Language = submission.Language,
            CreatedAt = submission.Now,
            UpdatedAt = submission.Now,
            DueAt = submission.DueAt,
        };
        foreach (var photo in submission.Photos ?? [])
        {
            @case._photos.Add(new CasePhoto(Guid.CreateVersion7(submission.Now), @case._photos.Count + 1, photo.SourceUrl, photo.ContentType, photo.FileName));
        }

        @case._history.Add(new CaseStatusChange(1, null, CaseStatus.Received, submission.Now, CaseActors.Resident, null, null));
        return @case;
    }

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

    /// <summary>The longest assignee name.</summary>
    public const int MaxAssigneeLength = 200;

    private void Record(CaseChangeKind kind, string by, DateTimeOffset now, string? internalNote, string detail)
    {
        _history.Add(new CaseStatusChange(_history.Count + 1, Status, Status, now, by, null, internalNote, kind, detail));
        UpdatedAt = now;
        Version++;
    }

    private void MoveTo(CaseStatus to, string by, DateTimeOffset now, string? publicNote, string? internalNote, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!CaseStatusTransitions.IsAllowed(Status, to))
        {
            throw new DomainException($"Case {Ticket} cannot move from {Status.ToCode()} to {to.ToCode()}.");
        }

        _history.Add(new CaseStatusChange(_history.Count + 1, Status, to, now, by, publicNote, internalNote, CaseChangeKind.Status, detail));
        Status = to;
        UpdatedAt = now;
        Version++;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}
