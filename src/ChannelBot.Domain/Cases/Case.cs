using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// A resident's report, from submission to closure. The only way in is <see cref="Submit"/>; the only way to
/// change the status is an intention-named method (<see cref="Acknowledge"/>, <see cref="Schedule"/>,
/// <see cref="StartWork"/>, <see cref="MarkFixed"/>, <see cref="Close"/>, <see cref="Reopen"/>), each of which
/// refuses an illegal move with a <see cref="DomainException"/> and records the change in <see cref="History"/>.
/// </summary>
public sealed partial class Case
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

        @case._history.Add(new CaseStatusChange(1, null, CaseStatus.Received, submission.Now, string.IsNullOrWhiteSpace(submission.FiledBy) ? CaseActors.Resident : submission.FiledBy.Trim(), null, string.IsNullOrWhiteSpace(submission.IntakeNote) ? null : submission.IntakeNote.Trim()));
        return @case;
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
