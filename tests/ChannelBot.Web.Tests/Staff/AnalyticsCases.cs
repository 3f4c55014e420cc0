using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Files cases with known times straight into the app's database, the way the app makes them (<see cref="Case.Submit"/>,
/// then the moves through the domain, each at the hour after filing the test names). Ticket numbers come from a range
/// no resident's report reaches in these tests.
/// </summary>
public static class AnalyticsCases
{
    public const string Staff = "Sam Supervisor";

    private static long _sequence = 800_000;

    /// <summary>Files a case at <paramref name="filedAt"/>; <paramref name="moves"/> are (hours after filing, what happens).</summary>
    public static async Task<Case> FileAsync(
        IServiceProvider services,
        string serviceCode,
        string department,
        DateTimeOffset filedAt,
        string? area = null,
        string channel = "sms",
        double? dueAfterHours = null,
        params (double Hours, Action<Case, DateTimeOffset> Move)[] moves)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ticket = TicketNumber.Create("311", filedAt.Year, Interlocked.Increment(ref _sequence));
        var filed = Case.Submit(new CaseSubmission(
            ticket, serviceCode, serviceCode + " report", department, [],
            new CaseLocation("1 Test St", area is null ? null : 42.1, area is null ? null : -72.6, area),
            "Seeded for the analytics tests.", [],
            new ResidentContact(null, null, null, channel, "resident-" + ticket), ConsentToUpdates: false, channel,
            $"{channel}/conversations/{ticket}", ConversationReferenceJson: null, "en",
            dueAfterHours is { } due ? filedAt.AddHours(due) : null, filedAt));
        foreach (var (hours, move) in moves)
        {
            move(filed, filedAt.AddHours(hours));
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        db.Cases.Add(filed);
        await db.SaveChangesAsync();
        return filed;
    }

    public static (double, Action<Case, DateTimeOffset>) At(double hours, Action<Case, DateTimeOffset> move) => (hours, move);

    public static void Acknowledge(Case c, DateTimeOffset at) => c.Acknowledge(Staff, at);

    public static void StartWork(Case c, DateTimeOffset at) => c.StartWork(Staff, at);

    public static void Fix(Case c, DateTimeOffset at) => c.MarkFixed(Staff, at);

    public static void Close(Case c, DateTimeOffset at) => c.Close(c.Status == CaseStatus.Fixed ? null : CaseClosureReason.NoAction, Staff, at);

    public static void Assign(Case c, DateTimeOffset at) => c.AssignTo("Crew 12", Staff, at);

    public static void ReopenByStaff(Case c, DateTimeOffset at) => c.Reopen(Staff, at);

    /// <summary>What the bot does when the resident answers "no" to "Is it fixed?".</summary>
    public static void ReopenByResident(Case c, DateTimeOffset at) => c.Reopen(CaseActors.Resident, at, publicNote: "still there");
}
