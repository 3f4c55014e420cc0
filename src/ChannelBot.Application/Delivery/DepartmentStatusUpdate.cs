namespace ChannelBot.Application.Delivery;

/// <summary>
/// A status change a department's system reports for one of our cases, in Open311's words: its own request id, an id
/// for this change (the same every time it is read), an extended status (FIXED, IN_PROGRESS...), when, and its note.
/// </summary>
public sealed record DepartmentStatusUpdate(string ServiceRequestId, string UpdateId, string Status, DateTimeOffset? UpdatedAt, string? Description);

/// <summary>Reads the status changes of a department's Open311 system (Channels/Departments, over HTTP).</summary>
public interface IDepartmentStatusReader
{
    /// <summary>
    /// The changes between <paramref name="from"/> and <paramref name="to"/> (its <c>servicerequestupdates</c>), or the
    /// present status of <paramref name="requestIds"/> (its <c>requests</c>), as the system is configured to offer.
    /// Throws when the system cannot be read; the caller tries again at its next poll.
    /// </summary>
    Task<IReadOnlyList<DepartmentStatusUpdate>> ReadAsync(DepartmentOpen311 system, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> requestIds, CancellationToken cancellationToken);

    /// <summary>
    /// The request id a system that files asynchronously has given by now to the <paramref name="token"/> it answered
    /// (its <c>tokens/{token}</c>); null while it has none. Throws when the system cannot be read.
    /// </summary>
    Task<string?> RequestIdOfAsync(DepartmentOpen311 system, string token, CancellationToken cancellationToken);
}
