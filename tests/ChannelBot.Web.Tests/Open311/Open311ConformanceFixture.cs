using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>
/// The app on a database seeded with 520 cases over the last 80 days: every service, every status (closed with each
/// reason, duplicates, reopened), four in five with a point, some descriptions the residents agreed to publish.
/// </summary>
public sealed class Open311ConformanceFixture : IAsyncLifetime
{
    public const int Cases = 520;

    private TestStorage? _storage;

    public ChannelBotApp App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IReadOnlyList<string> Located { get; private set; } = [];

    public IReadOnlyList<string> Unlocated { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        App = ChannelBotApp.Start(_storage, Open311ServerTests.Settings());
        Http = App.CreateHttpClient();
        Now = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var services = new[] { ("PTHOLE", "Pothole", "DPW-STREETS"), ("STLIGHT", "Streetlight out", "DPW-STREETS"), ("GRAFFITI", "Graffiti", "CUSTOMER-SERVICE"), ("OTHER", "Something else", "CUSTOMER-SERVICE") };
        var located = new List<string>();
        var unlocated = new List<string>();
        var all = new List<Case>();
        for (var i = 0; i < Cases; i++)
        {
            var (code, name, department) = services[i % services.Length];
            var filed = Now - TimeSpan.FromHours(6 + (i * 3.7));   // every change (at most three, 97 minutes apart) before now
            var point = i % 5 != 0;
            var ticket = TicketNumber.Create("311", 2026, 500000 + i);
            var @case = Case.Submit(new CaseSubmission(
                ticket, code, name, department, [],
                point ? new CaseLocation($"{100 + i} N Main St", 42.10 + (i % 50 * 0.0007), -72.59 + (i % 30 * 0.0005), "Ward 1") : new CaseLocation(i % 2 == 0 ? "behind the old mill" : null, null, null),
                i % 3 == 0 ? $"Resident words {i}" : null, [],
                new ResidentContact("Pat Resident", "+14135550100", "pat@example.com", "sms", "+14135550100"),
                true, "sms", $"sms/conversations/+1413555{i:0000}", null, "en",
                i % 4 == 0 ? null : filed.AddDays(5), filed,
                DescriptionPublic: i % 6 == 0));
            Move(@case, i % 9, filed, all);
            all.Add(@case);
            (point ? located : unlocated).Add(ticket.ToString());
        }

        var factory = App.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Cases.AddRange(all);
        await db.SaveChangesAsync();
        Located = located;
        Unlocated = unlocated;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await _storage!.DisposeAsync();
    }

    /// <summary>Every status, with each closing reason and a duplicate of an earlier case, the changes a few hours apart.</summary>
    private static void Move(Case c, int kind, DateTimeOffset filed, List<Case> earlier)
    {
        var at = filed;
        DateTimeOffset Next() => at = at.AddMinutes(97);
        switch (kind)
        {
            case 1:
                c.Acknowledge("Olga", Next(), "Looking into it");
                break;
            case 2:
                c.Acknowledge("Olga", Next());
                c.Schedule("Olga", Next(), "Crew booked for Tuesday");
                break;
            case 3:
                c.StartWork("Crew 4", Next());
                break;
            case 4:
                c.StartWork("Crew 4", Next());
                c.MarkFixed("Crew 4", Next(), "Patched");
                break;
            case 5:
                c.MarkFixed("Crew 4", Next());
                c.Close(null, "Olga", Next());
                break;
            case 6:
                c.Close(CaseClosureReason.Referred, "Olga", Next(), "This is the state's road");
                break;
            case 7:
                c.Close(CaseClosureReason.NoAction, "Olga", Next());
                break;
            case 8 when earlier.LastOrDefault(e => e.IsOpen && e.DuplicateOf is null) is { } original:
                c.MarkDuplicateOf(original, "Olga", Next(), "Same as the earlier report");
                break;
            case 8:
                c.MarkFixed("Crew 4", Next());
                c.Reopen("resident", Next(), "still there");
                break;
            default:
                break;
        }
    }
}
