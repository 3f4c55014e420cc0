namespace ChannelBot.Dialogs.Recognizers;

/// <summary>
/// Damerau-Levenshtein distance in its "optimal string alignment" form: insertions, deletions, substitutions and
/// swaps of two neighbouring letters each cost one. Bounded: gives up as soon as the distance must exceed
/// <c>max</c>, so a typo check costs a few dozen operations.
/// </summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or <c>max + 1</c> when it is larger than <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > max)
            {
                return max + 1;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }
}
