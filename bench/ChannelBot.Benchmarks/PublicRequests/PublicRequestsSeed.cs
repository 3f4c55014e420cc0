using System.Globalization;
using ChannelBot.Domain.Cases;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Benchmarks.PublicRequests;

/// <summary>
/// Fills a fresh database with a city's year of requests, deterministically (seed 311): cases filed evenly over the
/// last 365 days under the catalog's services, at random addresses of the sample city (their ward from the city's map;
/// 1 in 10 kept as typed, with no point), the older the more likely fixed or closed, 3 in 10 with a public description,
/// 1 in 25 closed as a duplicate of an earlier case. Inserted through EF Core (the app's own model and mappings) in
/// batches of <see cref="BatchSize"/>, change tracking cleared between batches.
/// </summary>
internal static class PublicRequestsSeed
{
    public const int BatchSize = 5000;

    public static async Task<IReadOnlyList<string>> SeedAsync(IDbContextFactory<ChannelBotDbContext> databases, CityGeography city, string sampleCity, IReadOnlyList<(string Code, string Name, string Department)> services, int count, DateTimeOffset now)
    {
        var random = new Random(311);
        var addresses = File.ReadLines(Path.Combine(sampleCity, "addresses.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[4].Length == 0)
            .Select(fields => (Longitude: double.Parse(fields[0], CultureInfo.InvariantCulture), Latitude: double.Parse(fields[1], CultureInfo.InvariantCulture), Label: $"{fields[2]} {Title(fields[3])}"))
            .ToList();
        var tickets = new List<string>(count);
        var recent = new List<Case>();
        for (var start = 0; start < count; start += BatchSize)
        {
            await using var db = await databases.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<Case>(BatchSize);
            for (var i = start; i < Math.Min(count, start + BatchSize); i++)
            {
                // Oldest first, so ticket sequences grow with time as the allocator's do.
                var filedAt = now.AddSeconds(-365.0 * 24 * 3600 * (count - i) / count);
                var (code, name, department) = services[random.Next(services.Count)];
                var location = random.Next(10) == 0
                    ? new CaseLocation($"behind the old mill, ask for house {random.Next(1, 99)}", null, null)
                    : Located(city, addresses[random.Next(addresses.Count)]);
                var ticket = TicketNumber.Create("311", filedAt.Year, i + 1);
                var filed = Case.Submit(new CaseSubmission(
                    ticket, code, name, department, [], location, $"Bench report {i}: something is wrong here.", [],
                    new ResidentContact("Bench Resident", "+15550100000", "bench@example.org", "sms", "+15550100000"),
                    ConsentToUpdates: true, "sms", $"sms/conversations/+1555{i:D7}", null, "en", null, filedAt,
                    DescriptionPublic: random.Next(10) < 3));
                Progress(filed, random, (now - filedAt).TotalDays, filedAt);
                if (random.Next(25) == 0 && recent.Count > 0 && recent[random.Next(recent.Count)] is { DuplicateOf: null } original && filed.IsOpen)
                {
                    filed.MarkDuplicateOf(original, "Bench Staffer", filed.UpdatedAt.AddMinutes(1));
                }

                batch.Add(filed);
                tickets.Add(ticket.ToString());
            }

            db.Cases.AddRange(batch);
            await db.SaveChangesAsync();
            recent = batch;
        }

        return tickets;
    }

    /// <summary>Staff moves by age: a day-old case is mostly received, a month-old one mostly fixed or closed.</summary>
    private static void Progress(Case filed, Random random, double ageDays, DateTimeOffset filedAt)
    {
        var steps = Math.Min(5, (int)(Math.Log2(1 + ageDays) * random.NextDouble() * 1.6));
        var at = filedAt;
        var now = filedAt.AddDays(ageDays);
        for (var step = 1; step <= steps; step++)
        {
            at = at.AddHours(random.Next(1, 48));
            if (at > now)
            {
                return;
            }

            switch (step)
            {
                case 1: filed.Acknowledge("Bench Staffer", at, "Sent to the crew.", "internal"); break;
                case 2: filed.Schedule("Bench Staffer", at); break;
                case 3: filed.StartWork("Bench Staffer", at); break;
                case 4: filed.MarkFixed("Bench Staffer", at, "Fixed."); break;
                default: filed.Close(null, "Bench Staffer", at); break;
            }
        }
    }

    private static CaseLocation Located(CityGeography city, (double Longitude, double Latitude, string Label) address) =>
        new(address.Label, address.Latitude, address.Longitude, city.AreaOf(new GeoPosition(address.Latitude, address.Longitude))?.Name);

    private static string Title(string street) =>
        string.Join(' ', street.Split(' ').Select(word => word.Length <= 1 || word.Any(char.IsDigit) ? word : word[0] + word[1..].ToLowerInvariant()));
}
