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
/// reported and what the city did stay) with its conversation, and message records older than 90 days are deleted,
/// except the conversation an open case still needs (staff read it on the case).
/// </summary>
public sealed partial class RetentionTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_year_after_closing_the_reporter_and_photos_are_removed_and_old_messages_are_deleted(string provider)
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        var folder = Directory.CreateTempSubdirectory("channelbot-retention-");
        await using var storage = await TestStorage.CreateAsync(provider);
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
        // The open case's conversation is kept with its messages (staff read them on the case); every other message is gone.
        var openKey = stillOpen.ConversationKey;
        await WaitForAsync(app, async db => await db.InboundActivities.AnyAsync(i => i.ConversationKey != openKey) ? null : "gone");
        Assert.False(await Read(app, db => db.OutboxMessages.AnyAsync(o => o.Status != OutboxStatus.Pending && o.ConversationKey != openKey)));
        Assert.True(await Read(app, db => db.InboundActivities.AnyAsync(i => i.ConversationKey == openKey)));
        var conversations = await Read(app, db => db.Conversations.Select(c => c.Key).ToListAsync());
        Assert.Equal([openKey], conversations);
        var openConversation = await ConversationAsync(http, open);
        Assert.Equal("hi", openConversation.Messages[0].Text);
        Assert.Contains(openConversation.Messages, m => m.Direction == "bot" && m.Text?.Contains(open, StringComparison.Ordinal) == true);
        var closedConversation = await ConversationAsync(http, closed);
        Assert.Empty(closedConversation.Messages);
        Assert.Equal("The conversation was removed with the reporter's personal data after the retention period.", closedConversation.Note);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Removing_a_closed_cases_personal_data_removes_its_conversation_even_where_messages_are_kept_forever(string provider)
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(
            storage,
            new Dictionary<string, string?>
            {
                ["Retention:SweepInterval"] = "1.00:00:00",
                ["Retention:MessageDays"] = "0",
                ["Retention:ClosedCasePersonalDataDays"] = "365",
            }.WithOperator(),
            services => services.AddSingleton<TimeProvider>(clock));
        using var http = app.CreateHttpClient();
        var closedResident = new EmulatorClient(http, connector, "kept-closed-" + Guid.NewGuid().ToString("N"), userId: "resident-closed");
        await PotholeScript.StartAsync(closedResident);
        var closed = Ticket().Match(await PotholeScript.FinishAsync(closedResident)).Value;
        var openResident = new EmulatorClient(http, connector, "kept-open-" + Guid.NewGuid().ToString("N"), userId: "resident-open");
        await PotholeScript.StartAsync(openResident);
        var open = Ticket().Match(await PotholeScript.FinishAsync(openResident)).Value;
        var closedKey = await Read(app, db => db.Cases.AsNoTracking().Where(c => c.Ticket == Parsed(closed)).Select(c => c.ConversationKey).SingleAsync());
        using (var response = await PostStatusAsync(http, closed, new StatusChangeDto("closed", "no_action", "Nothing to do.", null, null)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await WaitForAsync(app, async db => await db.OutboxMessages.AnyAsync(o => o.Status == OutboxStatus.Pending) ? null : "sent");
        var closedCaseId = await Read(app, db => db.Cases.AsNoTracking().Where(c => c.Ticket == Parsed(closed)).Select(c => c.Id).SingleAsync());
        Assert.True(await Read(app, db => db.InboundActivities.AnyAsync(i => i.ConversationKey == closedKey)));
        Assert.True(await Read(app, db => db.OutboxMessages.AnyAsync(o => o.CaseId == closedCaseId)));
        Assert.NotEmpty((await ConversationAsync(http, closed)).Messages);

        clock.Advance(TimeSpan.FromDays(366));

        await WaitForAsync(app, async db => (await db.Cases.AsNoTracking().SingleAsync(c => c.Ticket == Parsed(closed))).Reporter.ChannelUserId == string.Empty ? "anonymised" : null);
        Assert.False(await Read(app, db => db.InboundActivities.AnyAsync(i => i.ConversationKey == closedKey)));
        Assert.False(await Read(app, db => db.OutboxMessages.AnyAsync(o => o.ConversationKey == closedKey || o.CaseId == closedCaseId)));
        Assert.Empty((await ConversationAsync(http, closed)).Messages);
        var kept = await ConversationAsync(http, open);
        Assert.Equal(PotholeScript.Texts, kept.Messages.Where(m => m.Direction == "resident").Select(m => m.Text));
    }

    private static async Task<CaseConversationDto> ConversationAsync(HttpClient http, string ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}/conversation");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseConversationDto>())!;
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
