namespace ChannelBot.Domain.Cases;

/// <summary>Everything a new case is made of, as the resident confirmed it, plus the facts the application adds.</summary>
/// <param name="Ticket">The number allocated for the case.</param>
/// <param name="ServiceName">The service's name when the case was filed (a snapshot: the catalog may change).</param>
/// <param name="Department">The code of the department the service routes to.</param>
/// <param name="ConversationKey">The conversation the report came from (<c>{channelId}/conversations/{id}</c>).</param>
/// <param name="ConversationReferenceJson">Opaque JSON the application keeps to message the resident later.</param>
/// <param name="Language">The resident's language (BCP 47, e.g. <c>en</c>, <c>es</c>).</param>
/// <param name="DueAt">When the service level says the case should be resolved, if it promises a time.</param>
/// <param name="Now">When the case was filed.</param>
/// <param name="UpdateChannel">The channel a web chat reporter chose for updates (<c>sms</c>, <c>whatsapp</c>, <c>email</c>); null for their own channel.</param>
/// <param name="DescriptionPublic">The resident agreed that the description may be shown on the public list of requests.</param>
/// <param name="FiledBy">Who filed it, on the first entry of its history: the resident (default), or the staff member who took it by phone or at a counter.</param>
/// <param name="IntakeNote">A note for staff on that first entry (how the report was taken, what the caller agreed to).</param>
public sealed record CaseSubmission(
    TicketNumber Ticket,
    string ServiceCode,
    string ServiceName,
    string Department,
    IReadOnlyList<CaseAttribute> Attributes,
    CaseLocation Location,
    string? Description,
    IReadOnlyList<SubmittedPhoto> Photos,
    ResidentContact Reporter,
    bool ConsentToUpdates,
    string ChannelId,
    string ConversationKey,
    string? ConversationReferenceJson,
    string Language,
    DateTimeOffset? DueAt,
    DateTimeOffset Now,
    string? UpdateChannel = null,
    bool DescriptionPublic = false,
    string? FiledBy = null,
    string? IntakeNote = null);
