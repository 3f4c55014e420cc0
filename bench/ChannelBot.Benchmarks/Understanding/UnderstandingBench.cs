using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Dialogs.Understanding;
using ChannelBot.Testing.Understanding;

namespace ChannelBot.Benchmarks.Understanding;

/// <summary>
/// <c>understanding [--out docs/understanding/evaluation.md]</c> (also <c>--cross-validate</c>, and
/// <c>--probe "text" [--language es]</c> to see what the models make of one message): loads the repository's dialog files, measures what
/// loading the understanding models costs (time, process memory), runs the evaluation sets (per-service recall,
/// confusions, top-1/top-3, emergency recall and false alarms) and times what one free-text message costs the
/// engine's recognizers (emergency screen plus service recognition, one message at a time on one thread).
/// </summary>
public static class UnderstandingBench
{
    public static int Run(string[] args)
    {
        var output = Option(args, "--out");
        var definitions = RepositoryDialogs.Load();
        if (Option(args, "--probe") is { } probe)
        {
            var models = MessageUnderstanding.For(definitions);
            var language = Option(args, "--language") ?? "en";
            Console.WriteLine(models.ExplainEmergency(probe));
            var (confident, suggestions) = models.RecognizeService(probe, language);
            Console.WriteLine(Invariant($"service: {confident ?? "(asks)"}; suggestions {string.Join(", ", suggestions)}"));
            Console.WriteLine(string.Join(", ", models.RankServices(probe, language).Take(5).Select(r => Invariant($"{r.Code} {r.Probability:F2}"))));
            return 0;
        }

        if (args.Contains("--cross-validate"))
        {
            var cv = CrossValidation.Run(definitions);
            Console.WriteLine(cv);
            if (output is not null)
            {
                File.WriteAllText(output, cv);
            }

            return 0;
        }

        var before = Snapshot();
        var load = Stopwatch.StartNew();
        var understanding = MessageUnderstanding.For(definitions);
        load.Stop();
        var after = Snapshot();

        // --set Data or --set Fresh measures one held-out set alone; by default every held-out set together.
        var only = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault();
        var sets = only is null ? EvaluationSets.ReadHeldOut() : EvaluationSets.Read(EvaluationSets.FindFolder(only));
        var result = UnderstandingEvaluation.Run(understanding, sets);

        var texts = sets.Services.SelectMany(s => s.Value).Select(r => (r.Text, r.Language)).ToList();
        foreach (var (text, language) in texts.Take(50))
        {
            Classify(understanding, text, language);
        }

        var times = new List<double>(texts.Count);
        foreach (var (text, language) in texts)
        {
            var started = Stopwatch.GetTimestamp();
            Classify(understanding, text, language);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        var header = new StringBuilder()
            .AppendLine("# Understanding: evaluation")
            .AppendLine()
            .AppendLine(Invariant($"Written by `dotnet run -c Release --project bench/ChannelBot.Benchmarks -- understanding --out docs/understanding/evaluation.md` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}."))
            .AppendLine(only is null
                ? "The sets are tests/ChannelBot.Dialogs.Tests/Understanding/Data and /Fresh together (written apart from the catalog's examples; nothing is tuned on them)."
                : $"The set is tests/ChannelBot.Dialogs.Tests/Understanding/{only} alone (written apart from the catalog's examples; nothing is tuned on it).")
            .AppendLine()
            .AppendLine("## Cost")
            .AppendLine()
            .AppendLine(Invariant($"- models loaded (sentence model, every example embedded, both word models trained): {load.Elapsed.TotalSeconds:F1} s"))
            .AppendLine(Invariant($"- process memory added by loading: {(after.WorkingSet - before.WorkingSet) / 1048576.0:F0} MB working set, of which {(after.Private - before.Private) / 1048576.0:F0} MB private (the rest is code mapped from disk, mostly ONNX Runtime's library) and {(after.Managed - before.Managed) / 1048576.0:F0} MB managed heap"))
            .AppendLine(Invariant($"- one free-text message (emergency screen + service recognition), {times.Count} messages: p50 {Percentile(times, 0.50):F1} ms, p95 {Percentile(times, 0.95):F1} ms, p99 {Percentile(times, 0.99):F1} ms, max {times[^1]:F1} ms"))
            .ToString().TrimEnd();
        var report = EvaluationReport.Markdown(result, header);
        Console.WriteLine(report);
        if (output is not null)
        {
            File.WriteAllText(output, report);
        }

        return 0;
    }

    private static void Classify(MessageUnderstanding understanding, string text, string language) =>
        understanding.Read(text, language);

    private static (long WorkingSet, long Private, long Managed) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, PrivateResident(), GC.GetTotalMemory(forceFullCollection: true));
    }

    /// <summary>Resident anonymous memory (Linux: RssAnon in /proc/self/status); elsewhere the private bytes.</summary>
    private static long PrivateResident()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kilobytes))
            {
                return kilobytes * 1024;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PrivateMemorySize64;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
