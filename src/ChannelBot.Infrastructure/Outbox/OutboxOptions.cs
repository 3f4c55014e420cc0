using ChannelBot.Application.Scheduling;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>How the outbox dispatcher sends (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Sends in flight at once, across conversations (one conversation is always sent in order).</summary>
    public int MaxConcurrentSends { get; set; } = 64;

    /// <summary>Failed tries after which a message is given up and marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubles each try, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The schedule of retries these settings describe.</summary>
    public RetrySchedule Retries => new(FirstRetryDelay, 2, MaxRetryDelay, Jitter: true);

    /// <summary>How long a due message may wait to be sent before readiness reports Degraded (sending is stuck).</summary>
    public TimeSpan ReadinessMaxOverdue { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the database is swept for due messages not already on their way (after a restart).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
