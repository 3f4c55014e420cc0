using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Tests.Persistence;

public class CaseStorageTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task A_case_with_attributes_photos_and_history_round_trips(string provider)
    {
        var database = await databases.For(provider);
        var original = Case.Submit(TestCases.Pothole());
        original.Acknowledge("j.doe", TestCases.Now.AddMinutes(5), "Assigned to Streets", "Crew 7");
        original.Photos[0].MarkStored("2026/03/hole.jpg", 48_213);
        original.Photos[1].MarkFailed("404 from the media host");
        await using (var db = database.CreateContext())
        {
            db.Cases.Add(original);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Cases.SingleAsync(c => c.Ticket == original.Ticket);

        Assert.Equal(original.Id, loaded.Id);
        Assert.Equal(original.Ticket, loaded.Ticket);
        Assert.Equal((original.ServiceCode, original.ServiceName, original.Department), (loaded.ServiceCode, loaded.ServiceName, loaded.Department));
        Assert.Equal((CaseStatus.Acknowledged, (CaseClosureReason?)null), (loaded.Status, loaded.ClosureReason));
        Assert.Equal(Describe(original.Attributes), Describe(loaded.Attributes));
        Assert.Equal(original.Location, loaded.Location);
        Assert.Equal(original.Description, loaded.Description);
        Assert.Equal(original.Reporter, loaded.Reporter);
        Assert.Equal(original.ConsentToUpdates, loaded.ConsentToUpdates);
        Assert.Equal((original.ChannelId, original.ConversationKey, original.ConversationReferenceJson, original.Language),
            (loaded.ChannelId, loaded.ConversationKey, loaded.ConversationReferenceJson, loaded.Language));
        Assert.Equal((original.CreatedAt, original.UpdatedAt, original.DueAt), (loaded.CreatedAt, loaded.UpdatedAt, loaded.DueAt));
        Assert.Equal(original.Version, loaded.Version);
        Assert.Equal(Describe(original.Photos), Describe(loaded.Photos));
        Assert.Equal(Describe(original.History), Describe(loaded.History));
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Changes_to_a_stored_case_are_saved_and_its_history_keeps_its_order(string provider)
    {
        var database = await databases.For(provider);
        var @case = Case.Submit(TestCases.Pothole());
        await using (var db = database.CreateContext())
        {
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var stored = await db.Cases.SingleAsync(c => c.Id == @case.Id);
            stored.Schedule("j.doe", TestCases.Now.AddHours(1), "Booked for Thursday");
            stored.StartWork("crew-7", TestCases.Now.AddDays(2));
            stored.MarkFixed("crew-7", TestCases.Now.AddDays(2).AddHours(3), "Patched");
            stored.Photos[0].MarkStored("2026/03/a.jpg", 10);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Cases.SingleAsync(c => c.Id == @case.Id);
        Assert.Equal(CaseStatus.Fixed, loaded.Status);
        Assert.Equal(
            [CaseStatus.Received, CaseStatus.Scheduled, CaseStatus.InProgress, CaseStatus.Fixed],
            loaded.History.Select(h => h.To));
        Assert.Equal([1, 2, 3, 4], loaded.History.Select(h => h.Sequence));
        Assert.Equal("Patched", loaded.History[^1].PublicNote);
        Assert.Equal(PhotoStatus.Stored, loaded.Photos.Single(p => p.Id == @case.Photos[0].Id).Status);
        Assert.Equal(3, loaded.Version);
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Two_staff_changing_the_same_case_at_once_cannot_both_win(string provider)
    {
        var database = await databases.For(provider);
        var @case = Case.Submit(TestCases.Pothole());
        await using (var db = database.CreateContext())
        {
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Cases.SingleAsync(c => c.Id == @case.Id);
        var theirs = await second.Cases.SingleAsync(c => c.Id == @case.Id);
        mine.Acknowledge("j.doe", TestCases.Now.AddHours(1));
        theirs.Close(CaseClosureReason.NoAction, "m.roe", TestCases.Now.AddHours(1));

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Theory]
    [InlineData(TestProviders.Sqlite)]
    [InlineData(TestProviders.Postgres)]
    public async Task Staff_find_cases_by_ticket_status_service_department_and_date_range(string provider)
    {
        var database = await databases.For(provider);
        var department = "dept-" + Guid.NewGuid().ToString("N")[..8];
        var monday = new DateTimeOffset(2026, 4, 6, 9, 0, 0, TimeSpan.FromHours(-4));
        var early = Case.Submit(TestCases.Pothole(monday, "pothole", department));
        var middle = Case.Submit(TestCases.Pothole(monday.AddDays(1), "streetlight", department));
        var late = Case.Submit(TestCases.Pothole(monday.AddDays(2), "pothole", department));
        var outside = Case.Submit(TestCases.Pothole(monday.AddDays(9), "pothole", department));
        middle.Acknowledge("j.doe", monday.AddDays(1).AddHours(1));
        await using (var db = database.CreateContext())
        {
            db.Cases.AddRange(early, middle, late, outside);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var from = monday.ToUniversalTime();
        var to = monday.AddDays(7).ToOffset(TimeSpan.FromHours(2));
        var inWeek = read.Cases.Where(c => c.Department == department && c.CreatedAt >= from && c.CreatedAt < to);

        Assert.Equal([late.Id, middle.Id, early.Id], await inWeek.OrderByDescending(c => c.CreatedAt).Select(c => c.Id).ToListAsync());
        Assert.Equal([early.Id, late.Id], await inWeek.Where(c => c.ServiceCode == "pothole").OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync());
        Assert.Equal([middle.Id], await inWeek.Where(c => c.Status == CaseStatus.Acknowledged).Select(c => c.Id).ToListAsync());
        Assert.Equal(outside.Id, (await read.Cases.SingleAsync(c => c.Ticket == outside.Ticket)).Id);
    }

    private static List<string> Describe(IEnumerable<CaseAttribute> attributes) =>
        attributes.Select(a => $"{a.Code}={string.Join('|', a.Values)} ({a.DisplayText})").ToList();

    private static List<string> Describe(IEnumerable<CasePhoto> photos) =>
        photos.OrderBy(p => p.Id)
            .Select(p => $"{p.Id} {p.SourceUrl} {p.ContentType} {p.FileName} {p.Status} {p.StoredPath} {p.SizeBytes} {p.FailureReason}")
            .ToList();

    private static List<string> Describe(IEnumerable<CaseStatusChange> history) =>
        history.Select(h => $"{h.Sequence} {h.From}->{h.To} at {h.At.UtcTicks} by {h.By} [{h.PublicNote}] [{h.InternalNote}]").ToList();
}
