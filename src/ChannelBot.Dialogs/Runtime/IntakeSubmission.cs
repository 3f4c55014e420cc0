using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>A finished intake: everything a new case is made of, as the resident confirmed it.</summary>
/// <param name="DescriptionPublic">The resident agreed to show the description on the public list of requests.</param>
/// <param name="FiledBy">The staff member who took the report (a phone call, a walk-in); null: the resident filed it.</param>
/// <param name="IntakeNote">A note for staff on the case's first history entry (how it was taken, what the caller agreed to).</param>
/// <param name="Follow">The open case the resident chose to follow instead of filing a new one (their report is filed as its duplicate).</param>
public sealed record IntakeSubmission(
    string ServiceCode,
    string ServiceName,
    string Department,
    IReadOnlyList<SubmittedAttribute> Attributes,
    LocationAnswer Location,
    string? Description,
    IReadOnlyList<PhotoAnswer> Photos,
    string? Name,
    string? Phone,
    string? Email,
    bool ConsentToUpdates,
    string Language,
    string ChannelId,
    string? ChannelUserId,
    ConversationReference ConversationReference,
    int SlaDays,
    bool SlaBusinessDays,
    DateTimeOffset SubmittedAt,
    string? UpdateChannel = null,
    bool DescriptionPublic = false,
    string? Follow = null,
    string? FiledBy = null,
    string? IntakeNote = null);
