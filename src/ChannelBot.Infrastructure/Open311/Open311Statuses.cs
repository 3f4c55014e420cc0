using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Open311;

/// <summary>
/// Our statuses in Open311's words, and mySociety's extended statuses in ours, in one table. Plain GeoReport v2 knows
/// only open and closed; the extended statuses (FixMyStreet) say more. A plain "open" from another system never
/// reopens or moves a case (FixMyStreet does the same), and a plain "closed" is never taken for "fixed".
/// </summary>
public static class Open311Statuses
{
    public static string Plain(CaseStatus status) => status is CaseStatus.Fixed or CaseStatus.Closed ? "closed" : "open";

    public static string Extended(CaseStatus status, CaseClosureReason? reason) => status switch
    {
        CaseStatus.Received => "open",
        CaseStatus.Acknowledged => "investigating",
        CaseStatus.Scheduled => "action_scheduled",
        CaseStatus.InProgress => "in_progress",
        CaseStatus.Fixed => "fixed",
        CaseStatus.Reopened => "reopen",
        _ => reason switch
        {
            CaseClosureReason.Duplicate => "duplicate",
            CaseClosureReason.Referred => "not_councils_responsibility",
            CaseClosureReason.NoAction => "no_further_action",
            _ => "closed",
        },
    };

    /// <summary>Which of our statuses a plain status filter means.</summary>
    public static IReadOnlyList<CaseStatus>? Filter(string plain) => plain switch
    {
        "open" => [CaseStatus.Received, CaseStatus.Acknowledged, CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Reopened],
        "closed" => [CaseStatus.Fixed, CaseStatus.Closed],
        _ => null,
    };

    /// <summary>
    /// The change an extended status posted by another system asks for (our status code and closure reason), given
    /// where the case is; null when it asks for no change (a plain OPEN, an internal referral, an unknown word).
    /// </summary>
    public static (string Status, string? Reason)? Change(string posted, CaseStatus current) => posted.Trim().ToLowerInvariant() switch
    {
        "reopen" when current is CaseStatus.Fixed or CaseStatus.Closed => ("reopened", null),
        "investigating" or "for_triage" => ("acknowledged", null),
        "action_scheduled" or "planned" => ("scheduled", null),
        "in_progress" => ("in_progress", null),
        "fixed" => ("fixed", null),
        "closed" => current == CaseStatus.Fixed ? ("closed", null) : ("closed", "no_action"),
        "not_councils_responsibility" => ("closed", "referred"),
        "no_further_action" or "duplicate" => ("closed", "no_action"),
        _ => null,
    };

    /// <summary>Whether the word is one of the statuses another system may post (so an unknown word is an error, not silence).</summary>
    public static bool IsKnown(string posted) => posted.Trim().ToLowerInvariant() is
        "open" or "closed" or "fixed" or "in_progress" or "action_scheduled" or "investigating" or "duplicate"
        or "not_councils_responsibility" or "no_further_action" or "internal_referral" or "reopen" or "for_triage" or "planned";
}
