namespace ChannelBot.Application.Scheduling;

/// <summary>
/// When to try again after a failure, for work whose next attempt is stored (an outbox row, a photo to fetch, a
/// provider copy to delete): <see cref="First"/> after the first failure, then <see cref="Factor"/> times longer
/// after each further failure, never more than <see cref="Max"/>. With <see cref="Jitter"/> the delay is drawn from
/// its upper half, so rows that failed together do not all come back at the same instant. The one formula every
/// durable retry uses; in-process retries use Polly pipelines instead.
/// </summary>
public sealed record RetrySchedule(TimeSpan First, double Factor, TimeSpan Max, bool Jitter = false)
{
    /// <summary>The delay before the next try when <paramref name="failures"/> tries (at least one) have failed.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var grown = First.TotalMilliseconds * Math.Pow(Factor, failures - 1);
        var capped = Math.Min(grown, Max.TotalMilliseconds);
        var drawn = Jitter ? capped * (0.5 + (Random.Shared.NextDouble() * 0.5)) : capped;
        return TimeSpan.FromMilliseconds(drawn);
    }

    /// <summary>The moment of the next try: <paramref name="now"/> plus <see cref="DelayAfter"/>.</summary>
    public DateTimeOffset NextAttemptAt(DateTimeOffset now, int failures) => now + DelayAfter(failures);
}
