namespace ChannelBot.Dialogs.Notifications;

/// <summary>What a resident is told about a change to their report.</summary>
/// <param name="StatusCode">The new status in lower snake case (acknowledged, in_progress, fixed, closed...).</param>
/// <param name="ClosureReason">For a closed case: duplicate, referred or no_action; else null.</param>
/// <param name="CanAnswer">False when a reply would not reach the report's conversation (an update sent by SMS to a
/// web chat reporter): then "fixed" does not ask "Is it fixed?".</param>
public sealed record StatusNotice(
    string Ticket,
    string ServiceCode,
    string StatusCode,
    string? ClosureReason,
    string? PublicNote,
    string Language,
    string ChannelId,
    bool CanAnswer = true);
