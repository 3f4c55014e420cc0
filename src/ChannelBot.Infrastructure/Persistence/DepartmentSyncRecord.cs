namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Reading one department's Open311 system for status changes (ChannelBot.Infrastructure.Delivery.DepartmentStatusSync):
/// the last read that worked, the last try and what went wrong, and the lease that lets one instance read it at a time.
/// </summary>
public sealed class DepartmentSyncRecord
{
    public required string Department { get; set; }

    /// <summary>The end of the last period read in full: the next read starts a little before it.</summary>
    public DateTimeOffset? LastSyncedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last try failed; null when it worked.</summary>
    public string? LastError { get; set; }

    /// <summary>Status changes applied to cases from this system, in all.</summary>
    public int Applied { get; set; }

    /// <summary>The instance reading it now, until <see cref="LeaseUntil"/> (which is also when the next read is due).</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
