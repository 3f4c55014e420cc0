using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>A routine status change at 23:00 in the city reaches the resident at 08:00, not in the night; one staff mark urgent goes at once.</summary>
public sealed class QuietHoursNotificationTests
{
    private const string OperatorKey = "operator-key-0123456789abcdef0123456789";
    private static readonly TimeSpan Eastern = TimeSpan.FromHours(-5);

    [Fact]
    public async Task A_change_at_23_00_is_sent_at_08_00()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 22, 40, 0, Eastern));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = StartAt(storage, clock);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "night-" + Guid.NewGuid().ToString("N"));
        var ticket = await ReportPotholeAsync(resident);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 0, 0, Eastern));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{ticket}/status")
        {
            Content = JsonContent.Create(new StatusChangeDto("in_progress", null, null, null, null)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var held = await UpdateRowAsync(app.Services);
        Assert.Equal(OutboxStatus.Pending, held.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Eastern), held.NextAttemptAt);
        Assert.DoesNotContain(connector.SentTo(resident.ConversationId), a => a.Text?.Contains("working on it", StringComparison.Ordinal) == true);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 30, Eastern));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!connector.SentTo(resident.ConversationId).Any(a => a.Text?.Contains("working on it", StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, "The held update was not sent after 08:00.");
            await Task.Delay(25);
        }
    }

    [Fact]
    public async Task An_urgent_change_at_23_00_is_sent_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 22, 40, 0, Eastern));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = StartAt(storage, clock);
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "urgent-" + Guid.NewGuid().ToString("N"));
        var ticket = await ReportPotholeAsync(resident);

        var night = new DateTimeOffset(2026, 11, 30, 23, 0, 0, Eastern);
        clock.SetUtcNow(night);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{ticket}/status")
        {
            Content = JsonContent.Create(new StatusChangeDto("in_progress", null, "The road is closed tonight while crews work.", null, null, Urgent: true)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(night, (await UpdateRowAsync(app.Services)).NextAttemptAt);

        // The city's clock creeps on a second at a time, so a send that failed on a loaded machine may be retried
        // (retries wait on this clock), yet the update must go within minutes of 23:00, nowhere near 08:00.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!connector.SentTo(resident.ConversationId).Any(a => a.Text?.Contains("road is closed tonight", StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, "The urgent update was not sent at once.");
            Assert.True(clock.GetUtcNow() < night.AddMinutes(10), "The urgent update waited for the morning.");
            await Task.Delay(25);
            clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private static ChannelBotApp StartAt(TestStorage storage, FakeTimeProvider clock) => ChannelBotApp.Start(
        storage,
        new Dictionary<string, string?>
        {
            ["Staff:ApiKeys:0:Name"] = "Night operator",
            ["Staff:ApiKeys:0:Key"] = OperatorKey,
            ["Staff:ApiKeys:0:Role"] = "operator",
        },
        services => services.AddSingleton<TimeProvider>(clock));

    private static async Task<string> ReportPotholeAsync(EmulatorClient resident)
    {
        await PotholeScript.StartAsync(resident);
        var receipt = await PotholeScript.FinishAsync(resident);
        return System.Text.RegularExpressions.Regex.Match(receipt, @"311-\d{4}-\d{6}").Value;
    }

    private static async Task<OutboxMessageRecord> UpdateRowAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId != null).OrderBy(m => m.Id).LastAsync();
    }
}
