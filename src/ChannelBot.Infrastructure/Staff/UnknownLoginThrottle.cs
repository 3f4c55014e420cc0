namespace ChannelBot.Infrastructure.Staff;

/// <summary>
/// Counts wrong sign-ins for names that have no account and locks them exactly as an account would be locked, so
/// whether a name locks out tells nothing about whether it exists. Held in memory and bounded: a flood of made-up
/// names forgets the oldest rather than growing without limit.
/// </summary>
internal sealed class UnknownLoginThrottle
{
    public const int Capacity = 10_000;

    private readonly Dictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _names = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    public DateTimeOffset? LockedUntil(string normalizedLogin, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _names.TryGetValue(normalizedLogin, out var entry) && entry.LockedUntil > now ? entry.LockedUntil : null;
        }
    }

    /// <summary>Counts one wrong sign-in; returns when the name is locked until if this one locked it.</summary>
    public DateTimeOffset? RecordFailure(string normalizedLogin, DateTimeOffset now, StaffSignInOptions options)
    {
        lock (_gate)
        {
            if (!_names.TryGetValue(normalizedLogin, out var entry))
            {
                Forget();
                _order.Enqueue(normalizedLogin);
            }

            var failures = entry.Failures + 1;
            if (failures >= options.MaxFailedSignIns)
            {
                var until = now + options.LockoutDuration;
                _names[normalizedLogin] = (0, until);
                return until;
            }

            _names[normalizedLogin] = (failures, entry.LockedUntil);
            return null;
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
