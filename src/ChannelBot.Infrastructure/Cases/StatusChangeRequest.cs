namespace ChannelBot.Infrastructure.Cases;

/// <summary>A staff member's change of a case's status.</summary>
/// <param name="Status">The new status code: acknowledged, scheduled, in_progress, fixed, closed, reopened.</param>
/// <param name="Reason">For closed: duplicate, referred or no_action (a fixed case closes without one).</param>
/// <param name="ExpectedVersion">When set, the change applies only if the case is still at this version.</param>
/// <param name="Urgent">News that cannot wait for the morning (a road closed tonight): sent at once, even in the quiet hours.</param>
public sealed record StatusChangeRequest(string Status, string? Reason, string? PublicNote, string? InternalNote, long? ExpectedVersion, bool Urgent = false);
