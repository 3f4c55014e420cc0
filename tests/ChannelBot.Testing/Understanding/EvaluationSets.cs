namespace ChannelBot.Testing.Understanding;

/// <summary>
/// The evaluation sets of tests/ChannelBot.Dialogs.Tests/Understanding/Data and /Fresh: resident descriptions labelled with
/// a service code (<c>services.{language}.tsv</c>: CODE, tab, text) and messages labelled 911 or none
/// (<c>emergencies.tsv</c>: LABEL, tab, language, tab, text). Lines starting with # are comments. Written apart
/// from the catalog's examples; nothing is tuned on them.
/// </summary>
public sealed record EvaluationSets(
    IReadOnlyDictionary<string, IReadOnlyList<LabelledText>> Services,
    IReadOnlyList<LabelledText> Emergencies)
{
    public const string Emergency = "911";

    /// <summary>The held-out sets: measured after the work, never read while tuning.</summary>
    public const string HeldOut = "Data";

    /// <summary>
    /// A second held-out set, written on 2026-12-07 by someone who read neither the dialog files nor the other sets, while
    /// the examples were broadened without reading it: measured once that work was done.
    /// </summary>
    public const string Fresh = "Fresh";

    /// <summary>Every held-out set together (<see cref="HeldOut"/> and <see cref="Fresh"/>): what the quality floors measure.</summary>
    public static EvaluationSets ReadHeldOut() => Combine(Read(FindFolder(HeldOut)), Read(FindFolder(Fresh)));

    public static EvaluationSets Combine(EvaluationSets first, EvaluationSets second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var services = new SortedDictionary<string, IReadOnlyList<LabelledText>>(StringComparer.Ordinal);
        foreach (var language in first.Services.Keys.Union(second.Services.Keys))
        {
            services[language] = [.. first.Services.GetValueOrDefault(language, []), .. second.Services.GetValueOrDefault(language, [])];
        }

        return new EvaluationSets(services, [.. first.Emergencies, .. second.Emergencies]);
    }

    /// <summary>The development sets: written for tuning, apart from the dialog files' examples.</summary>
    public const string Development = "Development";

    public static EvaluationSets Read(string folder)
    {
        var services = new SortedDictionary<string, IReadOnlyList<LabelledText>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "services.*.tsv").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file)["services.".Length..];
            services[language] = [.. Rows(file).Select(r => new LabelledText(r[0], language, r[1]))];
        }

        var emergencies = Rows(Path.Combine(folder, "emergencies.tsv")).Select(r => new LabelledText(r[0], r[1], r[2])).ToList();
        return new EvaluationSets(services, emergencies);
    }

    /// <summary>The held-out folder in the checkout (Understanding/Data), found from the current directory or the binaries.</summary>
    public static string FindFolder() => FindFolder(HeldOut);

    /// <summary>
    /// A folder of sets under Understanding/ in the checkout: <see cref="HeldOut"/> (measured, never tuned on) or
    /// <see cref="Development"/> (written for tuning), found from the current directory or the binaries.
    /// </summary>
    public static string FindFolder(string name)
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "Understanding", name), Path.Combine(dir.FullName, "tests", "ChannelBot.Dialogs.Tests", "Understanding", name) })
                {
                    if (File.Exists(Path.Combine(candidate, "emergencies.tsv")))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException($"No Understanding/{name}/emergencies.tsv above {string.Join(" or ", starts)}.");
    }

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'));
}

public sealed record LabelledText(string Label, string Language, string Text);
