using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Benchmarks.Fuzz;
using ChannelBot.Benchmarks.Load;
using ChannelBot.Benchmarks.Understanding;

namespace ChannelBot.Benchmarks;

/// <summary>
/// Seven modes (docs/benchmarks.md):
/// <c>engine [BenchmarkDotNet arguments]</c>: DialogEngine.OnActivity micro-benchmarks (ShortRun, in process);
/// <c>load [--levels 16,64,256] [--warmup 5] [--duration 25] [--storage sqlite,postgres] [--out file.md]</c>:
/// the closed-loop load generator against the real app;
/// <c>fuzz [--count 10000] [--seed 311]</c>: hostile requests at every ingress (no 5xx, residents still answered);
/// <c>understanding [--out docs/understanding/evaluation.md]</c>: the understanding models' quality on the
/// evaluation sets, their load cost and the time per free-text message;
/// <c>geocoding [--copies 5]</c>: the city's map, its load time and memory, and the time to resolve a location text;
/// <c>public-requests [--cases 100000]</c>: /requests, its feed and ticket pages on a database of 100,000 cases;
/// <c>delivery [--cases 10000]</c>: a backlog of filed cases delivered to every department's signed webhook.
/// </summary>
/// <remarks>Not a top-level program: the app's own <c>Program</c> (referenced for WebApplicationFactory) owns that name.</remarks>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadTest.RunAsync(LoadOptions.Parse(args[1..]));
        }

        if (args.Length > 0 && args[0] == "fuzz")
        {
            return await FuzzBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "understanding")
        {
            return UnderstandingBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "geocoding")
        {
            return Geocoding.GeocodingBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "delivery")
        {
            return await Delivery.DeliveryBench.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "public-requests")
        {
            return await PublicRequests.PublicRequestsBench.RunAsync(args[1..]);
        }

        var rest = args.Length > 0 && args[0] == "engine" ? args[1..] : args;

        // In process: the project references the whole app and is built with -p:ArtifactsPath=...; the default
        // toolchain would generate and build a second project next to it, which gains nothing here.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        string[] run = rest.Contains("--filter") ? rest : [.. rest, "--filter", "*"];
        BenchmarkSwitcher.FromTypes([typeof(EngineTurnBenchmarks)]).Run(run, config);
        return 0;
    }
}
