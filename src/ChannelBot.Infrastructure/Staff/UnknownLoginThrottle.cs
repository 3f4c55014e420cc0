namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// Counts sign-ins for names that have no account, per name and client network, and locks them exactly as an account
/// is locked (counted before the decoy password check, locked by the last allowed attempt), so whether a name locks
/// out tells nothing about whether it exists. Held in memory and bounded: a flood of made-up names forgets the oldest
/// rather than growing without limit.
/// </summary>
internal sealed class UnknownLoginThrottle
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _names = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Counts one attempt for <paramref name="key"/> (name and network): false while it is locked (with the lock's end);
    /// true otherwise, <paramref name="lastAllowed"/> telling whether this attempt set the lock.
    /// </summary>
    public bool TryCount(string key, DateTimeOffset now, StaffSignInOptions options, out DateTimeOffset lockedUntil, out bool lastAllowed)
    {
        lock (_gate)
        {
            if (!_names.TryGetValue(key, out var entry))
            {
                Forget();
                _order.Enqueue(key);
            }

            if (entry.LockedUntil > now)
            {
                lockedUntil = entry.LockedUntil.Value;
                lastAllowed = false;
                return false;
            }

            var failures = entry.Failures + 1;
            lastAllowed = failures >= options.MaxFailedSignIns;
            lockedUntil = now + options.LockoutDuration;
            _names[key] = lastAllowed ? (0, lockedUntil) : (failures, null);
            return true;
        }
    }

    private void Forget()
    {
        while (_order.Count >= Capacity)
        {
            _names.Remove(_order.Dequeue());
        }
    }
}
