using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ChannelBot.Application.Dialogs;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Benchmarks.Load;
using ChannelBot.Geo;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Benchmarks.PublicRequests;

/// <summary>
/// <c>public-requests [--cases 100000] [--requests 300] [--storage sqlite,postgres] [--out file.md]</c>: a fresh
/// database seeded with a year of requests (<see cref="PublicRequestsSeed"/>), the real app on Kestrel loopback on it
/// (the sample city's map loaded, environment Production), then each public URL asked <c>requests</c> times in a row
/// after a warm-up: the list (default filters, a filtered list, a whole year, a later page), the GeoJSON feed (default
/// and a year: at most 1,000 points), ticket pages (a different ticket each time) and the Open311 GETs (requests of the
/// last 90 days, at most 1,000; one request; the last day's updates). Latency is request sent → whole
/// body read, one request at a time; then the same URLs from 8 clients at once.
/// </summary>
internal static class PublicRequestsBench
{
    private static readonly string[] Urls =
    [
        "/requests",
        "/requests?status=open&area=Ward%203",
        "/requests?service=PTHOLE&status=closed",
        "/requests?period=365",
        "/requests?page=20",
        "/requests.geojson",
        "/requests.geojson?period=365",
        "/requests/{ticket}",
        "/open311/v2/requests.json",
        "/open311/v2/requests.json?status=open&service_code=PTHOLE",
        "/open311/v2/requests.xml",
        "/open311/v2/requests/{ticket}.json",
        "/open311/v2/servicerequestupdates.json",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = 100_000;
        var requests = 300;
        List<string> storages = [BenchStorage.Sqlite];
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--cases": cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--storage": storages = [.. args[i + 1].Split(',').Select(s => s.Trim().ToLowerInvariant() == "postgres" ? BenchStorage.Postgres : BenchStorage.Sqlite)]; break;
                case "--out": output = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}: use --cases, --requests, --storage, --out.");
            }
        }

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"| storage | URL | clients | p50 ms | p95 ms | p99 ms | max ms | KB |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        var failed = false;
        foreach (var provider in storages)
        {
            failed |= !await RunAsync(provider, cases, requests, table);
        }

        Console.WriteLine(table);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, table.ToString());
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> RunAsync(string provider, int cases, int requests, StringBuilder table)
    {
        var sampleCity = Path.GetFullPath(Path.Combine(RepositoryDialogs.Path, "..", "geo", "springfield"));
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var app = BotApp.Start(storage, RepositoryDialogs.Path, new Dictionary<string, string?>
        {
            ["Geo:Enabled"] = "true",
            ["Geo:Folder"] = sampleCity,
        });
        var definitions = app.Services.GetRequiredService<IDialogEngineSource>().Current.Definitions;
        var services = definitions.Catalog.Services.Select(s => (s.Code, s.Name.Get("en"), s.Department)).ToList();
        var seeding = Stopwatch.StartNew();
        var tickets = await PublicRequestsSeed.SeedAsync(
            app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>(), app.Services.GetRequiredService<CityGeography>(),
            sampleCity, services, cases, DateTimeOffset.UtcNow);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{provider}: {cases:N0} cases seeded in {seeding.Elapsed.TotalSeconds:F1} s"));
        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var random = new Random(2026);
        var ok = true;
        foreach (var clients in new[] { 1, 8 })
        {
            foreach (var url in Urls)
            {
                string Next() => url.Replace("{ticket}", tickets[random.Next(tickets.Count)], StringComparison.Ordinal);
                for (var i = 0; i < 20; i++)
                {
                    await FetchAsync(http, Next());
                }

                var times = new List<double>(requests);
                var bytes = 0L;
                var errors = 0;
                var gate = new object();
                await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = clients }, async (_, cancellationToken) =>
                {
                    string path;
                    lock (gate)
                    {
                        path = Next();
                    }

                    var (elapsed, length, status) = await FetchAsync(http, path);
                    lock (gate)
                    {
                        times.Add(elapsed);
                        bytes += length;
                        errors += status is HttpStatusCode.OK ? 0 : 1;
                    }
                });
                times.Sort();
                double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
                var row = string.Create(CultureInfo.InvariantCulture, $"| {provider} | `{url}` | {clients} | {P(0.5):F1} | {P(0.95):F1} | {P(0.99):F1} | {times[^1]:F1} | {bytes / 1024.0 / requests:F0} |");
                table.AppendLine(row);
                await Console.Error.WriteLineAsync(row + (errors > 0 ? $" {errors} errors" : string.Empty));
                ok &= errors == 0;
            }
        }

        return ok;
    }

    private static async Task<(double Milliseconds, long Bytes, HttpStatusCode Status)> FetchAsync(HttpClient http, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, body.Length, response.StatusCode);
    }
}
