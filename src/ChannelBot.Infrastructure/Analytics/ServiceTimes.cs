namespace ChannelBot.Infrastructure.Analytics;

/// <summary>
/// How fast one service's cases of the period were answered and resolved (durations in hours; null when no case was),
/// and how many were resolved within the service's target. Cases closed as duplicates are left out (they are closed
/// at once, and the work is the original's).
/// </summary>
/// <param name="Cases">Cases of the service filed in the period, duplicates left out.</param>
/// <param name="Acknowledged">Of those, the ones whose status has moved on from received.</param>
/// <param name="Resolved">Of those, the ones that reached fixed or closed.</param>
/// <param name="WithTarget">Cases with a due time (the catalog's <c>sla</c>) whose outcome is known: resolved, or still open past the due time.</param>
/// <param name="MetTarget">Of <paramref name="WithTarget"/>, the ones first resolved at or before their due time.</param>
public sealed record ServiceTimes(
    string ServiceCode,
    int Cases,
    int Acknowledged,
    double? AcknowledgeMedianHours,
    double? AcknowledgeP90Hours,
    int Resolved,
    double? ResolveMedianHours,
    double? ResolveP90Hours,
    int WithTarget,
    int MetTarget);
