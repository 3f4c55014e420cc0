using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChannelBot.Application.Delivery;
using ChannelBot.Application.Dialogs;
using ChannelBot.Benchmarks.Engine;
using ChannelBot.Benchmarks.Load;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Delivery;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChannelBot.Benchmarks.Delivery;

/// <summary>
/// <c>delivery [--cases 10000] [--storage sqlite,postgres] [--out file.md]</c>: every department has a signed webhook
/// (<see cref="WebhookReceiver"/> on loopback); N filed cases wait with their hand-off rows, written by the app's own
/// <see cref="DepartmentHandOff"/> as a filing writes them (a burst of filings, or the city's system back after an
/// outage); they are handed to the running app's outbox at once, and the run measures until the receiver has every
/// case and until every row is recorded as sent. Throughput = cases / (hand-over → last case accepted).
/// </summary>
internal static class DeliveryBench
{
    private const string Secret = "delivery-benchmark-secret-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = 10_000;
        List<string> storages = [BenchStorage.Sqlite];
        string? output = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--cases": cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--storage": storages = [.. args[i + 1].Split(',').Select(s => s.Trim().ToLowerInvariant() == "postgres" ? BenchStorage.Postgres : BenchStorage.Sqlite)]; break;
                case "--out": output = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}: use --cases, --storage, --out.");
            }
        }

        var table = new StringBuilder()
            .AppendLine("| storage | cases | hand-over → last accepted s | cases/s | → all recorded s | lost | doubled | refused | CPU s |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ok = true;
        foreach (var provider in storages)
        {
            ok &= await RunAsync(provider, cases, table);
        }

        Console.WriteLine(table);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, table.ToString());
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> RunAsync(string provider, int count, StringBuilder table)
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var storage = await BenchStorage.CreateAsync(provider);
        var departments = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // Only the benchmark hands rows over; the sweep (which would find them as they are written) waits an hour.
            ["Outbox:SweepInterval"] = "01:00:00",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var probe = BotApp.Start(storage, RepositoryDialogs.Path, departments);
        var engine = probe.Services.GetRequiredService<IDialogEngineSource>().Current;
        var services = engine.Definitions.Catalog.Services.Where(s => !string.IsNullOrEmpty(s.Department)).ToList();
        await probe.DisposeAsync();
        foreach (var department in services.Select(s => s.Department).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            departments[$"Departments:Webhooks:{department}:Url"] = receiver.Url.ToString();
            departments[$"Departments:Webhooks:{department}:Secret"] = Secret;
        }

        await using var app = BotApp.Start(storage, RepositoryDialogs.Path, departments);
        var databases = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        var options = app.Services.GetRequiredService<IOptions<DepartmentDeliveryOptions>>().Value;
        var owner = app.Services.GetRequiredService<WorkOwnership>().Id;
        var rows = await SeedAsync(databases, engine, services, options, owner, count);
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{provider}: {count:N0} cases and {rows.Count:N0} hand-offs written"));

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        app.Services.GetRequiredService<OutboxDispatcher>().Dispatch(rows);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (receiver.Accepted.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var last = receiver.Accepted.IsEmpty ? start : receiver.Accepted.Values.Max();
        var pending = int.MaxValue;
        while (pending > 0 && DateTime.UtcNow < deadline)
        {
            await using var db = await databases.CreateDbContextAsync();
            pending = await db.OutboxMessages.CountAsync(o => o.Status == OutboxStatus.Pending);
            if (pending > 0)
            {
                await Task.Delay(50);
            }
        }

        var recorded = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var accepted = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
        var lost = count - receiver.Accepted.Count;
        table.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {count:N0} | {accepted:F1} | {receiver.Accepted.Count / accepted:N0} | {recorded:F1} | {lost} | {receiver.Doubled} | {receiver.Refused} | {used:F1} |"));
        return lost == 0 && receiver.Doubled == 0 && receiver.Refused == 0 && pending == 0;
    }

    /// <summary>N cases filed now, with the hand-off rows filing writes for them, owned by the running instance; in batches.</summary>
    private static async Task<List<OutboxMessageRecord>> SeedAsync(
        IDbContextFactory<ChannelBotDbContext> databases, ChannelBot.Dialogs.Runtime.DialogEngine engine, IReadOnlyList<ChannelBot.Dialogs.Definitions.ServiceDefinition> services,
        DepartmentDeliveryOptions options, string owner, int count)
    {
        const int Batch = 1000;
        var random = new Random(311);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<OutboxMessageRecord>(count);
        for (var start = 0; start < count; start += Batch)
        {
            await using var db = await databases.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var service = services[random.Next(services.Count)];
                var filed = Case.Submit(new CaseSubmission(
                    TicketNumber.Create("311", now.Year, i + 1), service.Code, service.Name.Get("en"), service.Department, [],
                    new CaseLocation($"{100 + random.Next(900)} Main St", 42.10 + random.NextDouble() * 0.02, -72.60 + random.NextDouble() * 0.02, null),
                    $"Bench report {i}: something is wrong here.", [],
                    new ResidentContact("Bench Resident", "+15550100000", "bench@example.org", "sms", "+15550100000"),
                    ConsentToUpdates: true, "sms", $"sms/conversations/+1555{i:D7}", null, "en", null, now, DescriptionPublic: false));
                db.Cases.Add(filed);
                foreach (var (row, _) in DepartmentHandOff.For(filed, engine.Definitions.Catalog, engine.CityTimeZone, options, now))
                {
                    row.OwnerId = owner;
                    db.OutboxMessages.Add(row);
                    rows.Add(row);
                }
            }

            await db.SaveChangesAsync();
        }

        return rows;
    }
}
