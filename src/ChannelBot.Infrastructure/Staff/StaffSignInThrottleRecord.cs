namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// Wrong sign-ins for one account from one client network (table <c>StaffSignInThrottles</c>): a lockout holds only
/// the network that earned it, so an attacker guessing from their own network cannot keep the real person, signing in
/// from theirs, out of the account.
/// </summary>
public sealed class StaffSignInThrottleRecord
{
    public const int MaxNetworkLength = 64;

    public required string NormalizedLogin { get; set; }

    /// <summary>The client network (an IPv4 address, an IPv6 /64).</summary>
    public required string Network { get; set; }

    /// <summary>Sign-ins counted since the last success or lockout (each counted before its password is checked).</summary>
    public int Failures { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The attempt that set the lock (a random id of that one request), so it alone answers "locked".</summary>
    public string? LockedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
