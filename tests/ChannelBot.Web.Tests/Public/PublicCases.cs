using ChannelBot.Domain.Cases;
using ChannelBot.Geo;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// Files cases the way the app does (<see cref="Case.Submit"/>, then the staff moves through the domain) straight into
/// the app's database, located on the app's own map of the sample city as the bot would locate them. Ticket numbers
/// come from a range no resident's report reaches in these tests.
/// </summary>
public static class PublicCases
{
    private static long _sequence = 700_000;

    public static async Task<Case> FileAsync(IServiceProvider services, PublicCase report)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(report);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var filedAt = now - report.Age;
        var location = Locate(services.GetRequiredService<CityGeography>(), report);
        var reporter = new ResidentContact(report.ReporterName, report.ReporterPhone, report.ReporterEmail, "sms", report.ChannelUserId);
        var ticket = TicketNumber.Create("311", filedAt.Year, Interlocked.Increment(ref _sequence));
        var filed = Case.Submit(new CaseSubmission(
            ticket, report.ServiceCode, report.ServiceName, report.Department, [], location, report.Description,
            [new SubmittedPhoto(report.PhotoUrl, "image/jpeg", "pothole.jpg")],
            reporter, ConsentToUpdates: true, "sms", $"sms/conversations/{report.ChannelUserId}", ConversationReferenceJson: null,
            "en", DueAt: null, filedAt, DescriptionPublic: report.DescriptionPublic));
        var at = filedAt;
        foreach (var (status, by, publicNote, internalNote) in report.Moves)
        {
            at = at.AddMinutes(30);
            switch (status)
            {
                case CaseStatus.Acknowledged: filed.Acknowledge(by, at, publicNote, internalNote); break;
                case CaseStatus.Scheduled: filed.Schedule(by, at, publicNote, internalNote); break;
                case CaseStatus.InProgress: filed.StartWork(by, at, publicNote, internalNote); break;
                case CaseStatus.Fixed: filed.MarkFixed(by, at, publicNote, internalNote); break;
                case CaseStatus.Closed: filed.Close(filed.Status == CaseStatus.Fixed ? null : CaseClosureReason.NoAction, by, at, publicNote, internalNote); break;
                case CaseStatus.Reopened: filed.Reopen(by, at, publicNote, internalNote); break;
                default: throw new ArgumentOutOfRangeException(nameof(report), status, "Not a staff move.");
            }
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        db.Cases.Add(filed);
        await db.SaveChangesAsync();
        return filed;
    }

    /// <summary>Closes <paramref name="duplicate"/> as a repeat of <paramref name="original"/>, as staff do (its reporter then follows the original).</summary>
    public static async Task MarkDuplicateAsync(IServiceProvider services, Case duplicate, Case original, string by, string? internalNote = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(original);
        await using var db = await services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>().CreateDbContextAsync();
        var repeat = await db.Cases.SingleAsync(c => c.Id == duplicate.Id);
        var first = await db.Cases.SingleAsync(c => c.Id == original.Id);
        repeat.MarkDuplicateOf(first, by, services.GetRequiredService<TimeProvider>().GetUtcNow(), "Joined to an earlier report.", internalNote);
        await db.SaveChangesAsync();
    }

    private static CaseLocation Locate(CityGeography city, PublicCase report)
    {
        if (report.Typed)
        {
            return new CaseLocation(report.Address, null, null);
        }

        var found = city.Resolve(report.Address).Best
            ?? throw new InvalidOperationException($"'{report.Address}' is not on the sample city's map (is Geo:Enabled true?).");
        return new CaseLocation(found.Label, found.Position.Latitude, found.Position.Longitude, found.Area);
    }
}
