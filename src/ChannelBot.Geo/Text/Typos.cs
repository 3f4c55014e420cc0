namespace ChannelBot.Geo.Text;

/// <summary>
/// Whether a word is a misspelling of a name: optimal string alignment distance (an insertion, deletion,
/// substitution or swap of two neighbours counts one), at most one edit for short words and two from eight letters,
/// same first letter. Words are at most <see cref="MaxLength"/> letters, so each comparison costs a bounded table.
/// </summary>
internal static class Typos
{
    public const int MaxLength = 24;

    public static int Allowed(string word) => word.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    public static bool Near(string typed, string name)
    {
        var allowed = Allowed(name);
        if (allowed == 0 || typed.Length > MaxLength || name.Length > MaxLength || typed.Length == 0 || typed[0] != name[0]
            || Math.Abs(typed.Length - name.Length) > allowed)
        {
            return false;
        }

        return Distance(typed, name) <= allowed;
    }

    private static int Distance(string a, string b)
    {
        Span<int> table = stackalloc int[(MaxLength + 1) * (MaxLength + 1)];
        var width = b.Length + 1;
        for (var i = 0; i <= a.Length; i++)
        {
            table[i * width] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(table[((i - 1) * width) + j] + 1, table[(i * width) + j - 1] + 1), table[((i - 1) * width) + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, table[((i - 2) * width) + j - 2] + 1);
                }

                table[(i * width) + j] = best;
            }
        }

        return table[(a.Length * width) + b.Length];
    }
}
