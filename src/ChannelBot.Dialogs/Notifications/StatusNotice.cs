namespace ChannelBot.Dialogs.Notifications;

/// <summary>What a resident is told about a change to their report.</summary>
/// <param name="StatusCode">The new status in lower snake case (acknowledged, in_progress, fixed, closed...).</param>
/// <param name="ClosureReason">For a closed case: duplicate, referred or no_action; else null.</param>
public sealed record StatusNotice(
    string Ticket,
    string ServiceCode,
    string StatusCode,
    string? ClosureReason,
    string? PublicNote,
    string Language,
    string ChannelId);
