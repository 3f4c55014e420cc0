using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// The closed-loop load generator: for each storage and concurrency level, a fresh database, the real app on
/// Kestrel loopback and a fake connector in this process; N virtual residents for warm-up + duration; turns/s
/// and latency percentiles over the measurement window.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<LevelResult>();
        foreach (var storage in options.Storages)
        {
            foreach (var level in options.Levels)
            {
                var result = await RunLevelAsync(storage, level, options.Warmup, options.Duration);
                results.Add(result);
                await Console.Error.WriteLineAsync(
                    string.Create(CultureInfo.InvariantCulture, $"{storage} x{level}: {result.TurnsPerSecond:F0} turns/s, p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms, p99 {result.P99Ms:F1} ms, ack p50 {result.AckP50Ms:F1} ms, errors {result.Errors}, timeouts {result.Timeouts}, cpu {result.CpuPercent:F0}%, {result.AllocatedKbPerTurn:F0} KB/turn, machine {result.MachineBusyPercent:F0}% busy {result.MachineStealPercent:F0}% steal"));
            }
        }

        var table = Table(results, options);
        Console.WriteLine(table);
        if (options.Output is { } path)
        {
            await File.WriteAllTextAsync(path, table);
        }

        return results.Any(r => r.Errors > 0 || r.Timeouts > 0 || r.Turns == 0) ? 1 : 0;
    }

    private static async Task<LevelResult> RunLevelAsync(string provider, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var connector = await FakeConnector.StartAsync();
        await using var app = BotApp.Start(storage, RepositoryDialogs.Path);
        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var recorders = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder()).ToArray();
        var residents = recorders
            .Select((recorder, i) => new VirtualResident(http, connector, $"bench-{concurrency}-{i}-{Guid.NewGuid():N}").RunAsync(measureFrom, stopAt, recorder))
            .ToArray();

        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), measureFrom));
        var process = Process.GetCurrentProcess();
        var cpuFrom = process.TotalProcessorTime;
        var machineFrom = MachineCpu.Read();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedFrom = GC.GetTotalAllocatedBytes();
        var pausedFrom = GC.GetTotalPauseDuration();
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), stopAt));
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuFrom;
        var (machineBusy, machineSteal) = MachineCpu.Read().Since(machineFrom);
        var gcs = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        var allocated = GC.GetTotalAllocatedBytes() - allocatedFrom;
        var paused = GC.GetTotalPauseDuration() - pausedFrom;
        await Task.WhenAll(residents);

        var cases = await CountCasesAsync(app.Services);
        var latencies = recorders.SelectMany(r => r.Microseconds).Order().ToArray();
        var acks = recorders.SelectMany(r => r.AckMicroseconds).Order().ToArray();
        return new LevelResult(
            provider,
            concurrency,
            duration,
            latencies.Length,
            latencies.Length / duration.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : latencies[^1] / 1000,
            Percentile(acks, 0.50),
            Percentile(acks, 0.99),
            recorders.Sum(r => r.Errors),
            recorders.Sum(r => r.Timeouts),
            100 * cpu.TotalSeconds / (duration.TotalSeconds * Environment.ProcessorCount),
            machineBusy,
            machineSteal,
            gcs.Item1,
            gcs.Item2,
            gcs.Item3,
            cases,
            latencies.Length == 0 ? 0 : allocated / 1024.0 / latencies.Length,
            100 * paused.TotalSeconds / duration.TotalSeconds);
    }

    private static async Task<int> CountCasesAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    /// <summary>Nearest-rank percentile of sorted microseconds, in milliseconds.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)] / 1000;

    private static string Table(List<LevelResult> results, LoadOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Closed loop, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s per level, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
        text.AppendLine();
        text.AppendLine("| storage | residents | turns | turns/s | p50 ms | p95 ms | p99 ms | max ms | ack p50/p99 ms | errors | timeouts | process CPU | machine busy / steal | CPU ms per turn | KB allocated per turn | GC pause | GC 0/1/2 | cases filed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---|---:|");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Provider} | {r.Concurrency} | {r.Turns} | {r.TurnsPerSecond:F0} | {r.P50Ms:F1} | {r.P95Ms:F1} | {r.P99Ms:F1} | {r.MaxMs:F1} | {r.AckP50Ms:F1}/{r.AckP99Ms:F1} | {r.Errors} | {r.Timeouts} | {r.CpuPercent:F0}% | {r.MachineBusyPercent:F0}% / {r.MachineStealPercent:F0}% | {(r.Turns == 0 ? 0 : r.CpuPercent / 100 * Environment.ProcessorCount * r.Window.TotalMilliseconds / r.Turns):F2} | {r.AllocatedKbPerTurn:F1} | {r.GcPausePercent:F1}% | {r.Gen0}/{r.Gen1}/{r.Gen2} | {r.Cases} |");
        }

        return text.ToString();
    }
}
