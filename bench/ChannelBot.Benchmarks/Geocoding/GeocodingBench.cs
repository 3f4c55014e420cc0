using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;

namespace ChannelBot.Benchmarks.Geocoding;

/// <summary>
/// <c>geocoding [--copies 5]</c>: the city's map loaded from geo/springfield, or from that city repeated
/// <c>copies</c> times under other street names (5 copies ≈ 200,000 address rows), then every text of the location
/// evaluation set resolved 20 times: load time, memory added, and time per text.
/// </summary>
internal static class GeocodingBench
{
    public static int Run(string[] args)
    {
        var copies = args.Length >= 2 && args[0] == "--copies" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var repository = Repository();
        var source = Path.Combine(repository, "geo", "springfield");
        var folder = copies == 1 ? source : Scaled(source, copies);
        var texts = File.ReadLines(Path.Combine(repository, "tests", "ChannelBot.Geo.Tests", "Data", "locations.tsv")).Skip(1)
            .Select(l => l.Split('\t')[3]).ToList();

        ForceGc();
        var before = Process.GetCurrentProcess().PrivateMemorySize64;
        var managedBefore = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var city = CityGeography.Load(CityFiles.InFolder(folder));
        var loadTime = watch.Elapsed;
        ForceGc();
        var privateAdded = (Process.GetCurrentProcess().PrivateMemorySize64 - before) / 1024.0 / 1024.0;
        var managedAdded = (GC.GetTotalMemory(true) - managedBefore) / 1024.0 / 1024.0;

        foreach (var text in texts)
        {
            city.Resolve(text);
        }

        var times = new List<double>(texts.Count * 20);
        for (var round = 0; round < 20; round++)
        {
            foreach (var text in texts)
            {
                var start = Stopwatch.GetTimestamp();
                city.Resolve(text);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        Console.WriteLine($"addresses {city.AddressCount:N0}, streets {city.StreetCount:N0} ({copies} cop{(copies == 1 ? "y" : "ies")} of the sample city)");
        Console.WriteLine($"load {loadTime.TotalSeconds:F2} s; memory added {privateAdded:F0} MB private, {managedAdded:F0} MB managed");
        Console.WriteLine($"resolve ({times.Count:N0} texts): p50 {P(0.5):F3} ms, p95 {P(0.95):F3} ms, p99 {P(0.99):F3} ms, max {times[^1]:F3} ms");
        return 0;
    }

    private static void ForceGc()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The sample city repeated: copy k renames every street "K{k} NAME" (its own base), same geometry.</summary>
    private static string Scaled(string source, int copies)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"channelbot-geo-x{copies}");
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "boundary.geojson", "wards.geojson", "places.geojson", "neighbours.json" })
        {
            File.Copy(Path.Combine(source, name), Path.Combine(folder, name), overwrite: true);
        }

        var lines = File.ReadAllLines(Path.Combine(source, "addresses.csv"));
        var csv = new StringBuilder().AppendLine(lines[0]);
        var streets = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "streets.geojson")))!;
        var features = streets["features"]!.AsArray();
        var all = new JsonArray();
        for (var k = 0; k < copies; k++)
        {
            var prefix = k == 0 ? "" : $"K{k} ";
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(',');
                f[3] = prefix + f[3];
                csv.AppendLine(string.Join(',', f));
            }

            foreach (var feature in features)
            {
                var copy = feature!.DeepClone();
                copy["properties"]!["name"] = prefix + copy["properties"]!["name"]!.GetValue<string>();
                all.Add(copy);
            }
        }

        File.WriteAllText(Path.Combine(folder, "addresses.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(folder, "streets.geojson"), new JsonObject { ["type"] = "FeatureCollection", ["features"] = all }.ToJsonString());
        return folder;
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "geo", "springfield")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run from inside the repository (geo/springfield not found above the current directory).");
    }
}
