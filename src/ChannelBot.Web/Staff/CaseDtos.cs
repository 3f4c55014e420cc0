using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Web.Staff;

/// <summary>A case in a list.</summary>
public sealed record CaseSummaryDto(
    string Ticket,
    string ServiceCode,
    string ServiceName,
    string Department,
    string Status,
    string? ClosureReason,
    string? Address,
    double? Latitude,
    double? Longitude,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string ChannelId,
    string Language,
    string? Assignee,
    string? DuplicateOf,
    string? Area = null);

/// <summary>One case with everything staff need to act on it.</summary>
/// <param name="UpdatesBy">The channel a web chat reporter chose for updates (sms, whatsapp, email); null: their own channel.</param>
/// <param name="Followers">Residents who follow the case: reports closed as its duplicates (at intake or by staff).</param>
public sealed record CaseDetailDto(
    CaseSummaryDto Case,
    long Version,
    string? Description,
    IReadOnlyList<CaseAttributeDto> Attributes,
    IReadOnlyList<CasePhotoDto> Photos,
    ReporterDto Reporter,
    bool ConsentToUpdates,
    IReadOnlyList<CaseHistoryDto> History,
    IReadOnlyList<CaseMessageDto> Messages,
    string? UpdatesBy = null,
    int Followers = 0,
    DepartmentSyncDto? DepartmentSync = null);

/// <summary>
/// Status read back from the department's Open311 work-order system (when it has one): when it was last read in full,
/// the last try, and what went wrong then (null when it worked).
/// </summary>
public sealed record DepartmentSyncDto(string Department, DateTimeOffset? LastSyncedAt, DateTimeOffset? LastAttemptAt, string? LastError);

/// <summary>
/// A message about the case: to the resident (what it said, where it went, what became of it), or the case's delivery
/// to its department: to its system (channel <c>department-webhook</c>; ProviderId is that system's id for the case) or
/// its mailbox (channel <c>department-email</c>; Text says to which address, ProviderId is the email's Message-ID).
/// </summary>
/// <param name="Status">pending (SendAfter says when), sent or failed (Error says why: opted out, outside the window...).</param>
/// <param name="Delivery">What the channel reported afterwards: queued, sent, delivered, read, undelivered, failed.</param>
public sealed record CaseMessageDto(
    long Id,
    string ChannelId,
    string? Text,
    DateTimeOffset CreatedAt,
    string Status,
    DateTimeOffset? SendAfter,
    DateTimeOffset? SentAt,
    string? Delivery,
    string? DeliveryError,
    string? Error,
    string? ProviderId = null,
    int Attempts = 0);

public sealed record CaseAttributeDto(string Code, IReadOnlyList<string> Values, string? Display);

/// <param name="Url">Where staff fetch the city's copy; null until it is stored.</param>
public sealed record CasePhotoDto(int Number, string Status, string ContentType, long? SizeBytes, string? Url, string? FailureReason);

public sealed record ReporterDto(string? Name, string? Phone, string? Email, string ChannelId);

/// <param name="Kind">status, assigned, recategorised or anonymised (personal data removed after the retention period).</param>
/// <param name="Detail">What changed besides the status: "assigned to Crew 12", "PTHOLE → SDWLK; routed …", "duplicate of …".</param>
public sealed record CaseHistoryDto(int Sequence, string Kind, string? From, string To, DateTimeOffset At, string By, string? PublicNote, string? InternalNote, string? Detail);

/// <summary>A page of cases, newest first.</summary>
public sealed record CasePageDto(IReadOnlyList<CaseSummaryDto> Cases, int Total, int Page, int PageSize);

/// <summary>The body of <c>POST /api/cases/{ticket}/status</c>.</summary>
/// <param name="Status">acknowledged, scheduled, in_progress, fixed, closed or reopened.</param>
/// <param name="Reason">For closed: duplicate, referred or no_action.</param>
/// <param name="PublicNote">Shown to the resident (and in their update message).</param>
/// <param name="InternalNote">Seen by staff only.</param>
/// <param name="Version">The version the change is based on; a newer case answers 409.</param>
/// <param name="Urgent">True for news that cannot wait for the morning (a road closed tonight): the resident is told at once, even in the quiet hours.</param>
public sealed record StatusChangeDto(string Status, string? Reason, string? PublicNote, string? InternalNote, long? Version, bool Urgent = false);

/// <summary>The body of <c>POST /api/cases/{ticket}/assignee</c>: who works on it (null or empty: nobody).</summary>
public sealed record AssignDto(string? Assignee, string? InternalNote, long? Version);

/// <summary>The body of <c>POST /api/cases/{ticket}/category</c>: the catalog service code it belongs under.</summary>
public sealed record RecategoriseDto(string ServiceCode, string? InternalNote, long? Version);

/// <summary>The body of <c>POST /api/cases/{ticket}/duplicate</c>: the ticket of the case this one repeats.</summary>
/// <summary>Where staff place a case: an address, intersection or place on the city's map, or a point (both coordinates).</summary>
public sealed record RelocateDto(string? Address, double? Latitude, double? Longitude, string? InternalNote, long? Version);

public sealed record DuplicateDto(string Original, string? PublicNote, string? InternalNote, long? Version);

internal static class CaseDtoMapping
{
    public static CaseSummaryDto ToSummary(this Case c, DateTimeOffset now) => new(
        c.Ticket.ToString(),
        c.ServiceCode,
        c.ServiceName,
        c.Department,
        c.Status.ToCode(),
        ReasonCode(c.ClosureReason),
        c.Location.Address,
        c.Location.Latitude,
        c.Location.Longitude,
        c.CreatedAt,
        c.UpdatedAt,
        c.DueAt,
        c.IsOpen && c.DueAt < now,
        c.ChannelId,
        c.Language,
        c.Assignee,
        c.DuplicateOf?.ToString(),
        c.Location.Area);

    public static CaseDetailDto ToDetail(this Case c, DateTimeOffset now, IReadOnlyList<OutboxMessageRecord> messages, int followers, DepartmentSyncRecord? sync = null) => new(
        c.ToSummary(now),
        c.Version,
        c.Description,
        [.. c.Attributes.Select(a => new CaseAttributeDto(a.Code, a.Values, a.DisplayText))],
        [.. c.Photos.Select(p => new CasePhotoDto(
            p.Number,
            p.Status.ToString().ToLowerInvariant(),
            p.ContentType,
            p.SizeBytes,
            p.Status == PhotoStatus.Stored ? $"/api/cases/{c.Ticket}/photos/{p.Number}" : null,
            p.FailureReason))],
        new ReporterDto(c.Reporter.Name, c.Reporter.Phone, c.Reporter.Email, c.Reporter.ChannelId),
        c.ConsentToUpdates,
        [.. c.History.Select(h => new CaseHistoryDto(h.Sequence, h.Kind.ToString().ToLowerInvariant(), h.From?.ToCode(), h.To.ToCode(), h.At, h.By, h.PublicNote, h.InternalNote, h.Detail))],
        [.. messages.Select(m => new CaseMessageDto(
            m.Id,
            m.ChannelId,
            ActivityJson.Deserialize(m.ActivityJson).Text,
            m.CreatedAt,
            m.Status.ToString().ToLowerInvariant(),
            m.Status == OutboxStatus.Pending ? m.NextAttemptAt : null,
            m.SentAt,
            m.DeliveryStatus,
            m.DeliveryErrorCode,
            m.LastError,
            m.ProviderMessageId,
            m.Attempts))],
        c.UpdateChannel,
        followers,
        sync is null ? null : new DepartmentSyncDto(sync.Department, sync.LastSyncedAt, sync.LastAttemptAt, sync.LastError));

    public static string? ReasonCode(CaseClosureReason? reason) => reason switch
    {
        CaseClosureReason.Duplicate => "duplicate",
        CaseClosureReason.Referred => "referred",
        CaseClosureReason.NoAction => "no_action",
        _ => null,
    };
}
