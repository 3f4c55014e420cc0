using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Retention;

/// <summary>
/// Old data goes: a year after a case is closed its reporter's name, contact and photos are removed (what was
/// reported and what the city did stay), and message records older than 90 days are deleted, except the conversation
/// an open case still needs.
/// </summary>
public sealed partial class RetentionTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_year_after_closing_the_reporter_and_photos_are_removed_and_old_messages_are_deleted()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        var folder = Directory.CreateTempSubdirectory("channelbot-retention-");
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        connector.Server.Given(Request.Create().WithPath("/media/pothole.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        await using var app = ChannelBotApp.Start(
            storage,
            new Dictionary<string, string?>
            {
                ["Photos:Path"] = folder.FullName,
                ["Retention:SweepInterval"] = "1.00:00:00",
                ["Retention:MessageDays"] = "90",
                ["Retention:ClosedCasePersonalDataDays"] = "365",
            }.WithLoopbackMedia("emulator").WithOperator(),
            services => services.AddSingleton<TimeProvider>(clock));
        using var http = app.CreateHttpClient();

        var closedResident = new EmulatorClient(http, connector, "old-" + Guid.NewGuid().ToString("N"), userId: "resident-closed");
        await PotholeScript.StartAsync(closedResident);
        var closed = Ticket().Match(await PotholeScript.FinishAsync(closedResident, $"{connector.Server.Url}/media/pothole.png")).Value;
        var openResident = new EmulatorClient(http, connector, "open-" + Guid.NewGuid().ToString("N"), userId: "resident-open");
        await PotholeScript.StartAsync(openResident);
        var open = Ticket().Match(await PotholeScript.FinishAsync(openResident)).Value;
        var photo = await StoredPhotoAsync(app, closed);
        using (var response = await PostStatusAsync(http, closed, new StatusChangeDto("closed", "no_action", null, null, null)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        clock.Advance(TimeSpan.FromDays(366));

        var anonymised = await WaitForAsync(app, async db => (await db.Cases.AsNoTracking().SingleAsync(c => c.Ticket == Parsed(closed))) is { Reporter.ChannelUserId: "" } done ? done : null);
        Assert.Null(anonymised.Reporter.Name);
        Assert.Null(anonymised.Reporter.Phone);
        Assert.Null(anonymised.Reporter.Email);
        Assert.False(anonymised.ConsentToUpdates);
        Assert.DoesNotContain("old-", anonymised.ConversationKey, StringComparison.Ordinal);
        Assert.Equal(PhotoStatus.Removed, Assert.Single(anonymised.Photos).Status);
        Assert.False(File.Exists(Path.Combine(folder.FullName, photo)));
        Assert.Equal(CaseChangeKind.Anonymised, anonymised.History[^1].Kind);
        Assert.Equal("Pothole", anonymised.ServiceName);

        var stillOpen = await Read(app, db => db.Cases.AsNoTracking().SingleAsync(c => c.Ticket == Parsed(open)));
        Assert.Equal("resident-open", stillOpen.Reporter.ChannelUserId);
        await WaitForAsync(app, async db => await db.InboundActivities.AnyAsync() ? null : "gone");
        Assert.False(await Read(app, db => db.OutboxMessages.AnyAsync(o => o.Status != OutboxStatus.Pending)));
        var conversations = await Read(app, db => db.Conversations.Select(c => c.Key).ToListAsync());
        Assert.Equal([stillOpen.ConversationKey], conversations);
    }

    private static async Task<string> StoredPhotoAsync(ChannelBotApp app, string ticket) =>
        await WaitForAsync(app, async db => (await db.Cases.AsNoTracking().SingleAsync(c => c.Ticket == Parsed(ticket))).Photos.SingleOrDefault(p => p.Status == PhotoStatus.Stored)?.StoredPath);

    private static TicketNumber Parsed(string ticket) => TicketNumber.Parse(ticket);

    private static async Task<T> Read<T>(ChannelBotApp app, Func<ChannelBotDbContext, Task<T>> read)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await read(db);
    }

    private static async Task<T> WaitForAsync<T>(ChannelBotApp app, Func<ChannelBotDbContext, Task<T?>> read)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await Read(app, read) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The retention sweep did not happen within 30 s.");
            await Task.Delay(50);
        }
    }

    private static Task<HttpResponseMessage> PostStatusAsync(HttpClient http, string ticket, StatusChangeDto change)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{ticket}/status") { Content = JsonContent.Create(change) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        return http.SendAsync(request);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
