namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// The result of <see cref="LookUpCase"/>. <see cref="Found"/> false when no such case exists.
/// <see cref="IsReporter"/> is true when the asker is the case's own reporter (same channel identity): only
/// then may the bot say more than the public status and category.
/// </summary>
/// <param name="Status">The status name in lower snake case (received, in_progress, fixed, closed...).</param>
public sealed record CaseLookup(
    string Ticket,
    bool Found,
    string? ServiceCode = null,
    string? Status = null,
    DateTimeOffset? UpdatedAt = null,
    string? PublicNote = null,
    string? Address = null,
    bool IsReporter = false);
