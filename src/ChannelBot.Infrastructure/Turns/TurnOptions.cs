namespace ChannelBot.Infrastructure.Turns;

/// <summary>How turns run (configuration section <c>Turns</c>).</summary>
public sealed class TurnOptions
{
    public const string Section = "Turns";

    /// <summary>
    /// Turn workers running side by side; each owns the conversations whose key hashes to it, so one
    /// conversation's turns stay in order while a slow one holds up only its own share. 0: automatic — one on SQLite
    /// (its single write lock serializes commits anyway, and one worker makes the largest batches: measured in
    /// docs/benchmarks.md), one per core (at least 2) on PostgreSQL.
    /// </summary>
    public int Partitions { get; set; }

    /// <summary>The most time one engine step may take before the turn is abandoned (see TurnBudget).</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed tries after which an inbound message is set aside for staff.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Budget overruns after which an inbound message is set aside for staff (it is never run again).</summary>
    public int MaxOverruns { get; set; } = 2;

    /// <summary>Readiness turns Degraded when the oldest message waiting for its turn is older than this.</summary>
    public TimeSpan ReadinessMaxWait { get; set; } = TimeSpan.FromMinutes(1);

    internal int PartitionCount(bool sqlite) =>
        Partitions > 0 ? Math.Min(Partitions, 64) : sqlite ? 1 : Math.Clamp(Environment.ProcessorCount, 2, 16);
}
