namespace ChannelBot.Infrastructure.Analytics;

/// <summary>
/// Of the period's cases that were resolved (reached fixed or closed; duplicates left out), how many were reopened
/// since, and how many of those by the resident (who answered "no" to "Is it fixed?").
/// </summary>
public sealed record ReopenFigures(int Resolved, int Reopened, int ReopenedByResidents)
{
    /// <summary>Reopened ÷ resolved; null when nothing was resolved.</summary>
    public double? Rate => Resolved == 0 ? null : (double)Reopened / Resolved;
}
