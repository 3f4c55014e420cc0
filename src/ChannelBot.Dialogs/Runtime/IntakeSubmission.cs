using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>A finished intake: everything a new case is made of, as the resident confirmed it.</summary>
/// <param name="DescriptionPublic">The resident agreed to show the description on the public list of requests.</param>
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
    string? Follow = null);
