namespace ChannelBot.Infrastructure.Analytics;

/// <summary>
/// Percentiles by linear interpolation between the two nearest ranks: what PostgreSQL's <c>percentile_cont</c> and
/// Excel's <c>PERCENTILE.INC</c> answer, so a supervisor who checks a figure in either finds the same number.
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="fraction"/> (0 to 1) percentile of <paramref name="sorted"/> (ascending); null when it is empty.</summary>
    public static double? Continuous(IReadOnlyList<double> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = (int)Math.Ceiling(rank);
        return sorted[below] + ((sorted[above] - sorted[below]) * (rank - below));
    }
}
