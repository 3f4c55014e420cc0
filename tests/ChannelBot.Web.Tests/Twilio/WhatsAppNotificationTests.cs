using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// WhatsApp's 24-hour window end to end: a resident reports over WhatsApp, staff change the status a day later
/// (free-form, still inside the window) and 30 hours later (outside it: the approved template, with the ticket,
/// the kind of request and the status as its variables); without a template the case shows why nothing went.
/// </summary>
public sealed class WhatsAppNotificationTests
{
    private const string OperatorKey = "operator-key-0123456789abcdef0123456789";
    private const string EnglishTemplate = "HX0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public async Task A_resident_whose_last_message_was_30_hours_ago_is_notified_by_template()
    {
        var clock = new FakeTimeProvider(Noon);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio, clock, template: EnglishTemplate);
        using var http = app.CreateHttpClient();
        var phone = new WhatsAppPhone(http, twilio, "+15555550161");
        var ticket = await ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(phone.Address).Count;

        clock.Advance(TimeSpan.FromHours(23));
        await ChangeStatusAsync(http, ticket, "in_progress");
        var free = await LastUpdateAsync(http, ticket, clock);
        Assert.True(free.Status == "sent", $"The update inside the window was not sent: {free}");
        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", await phone.WaitForMessageAsync(before + 1));

        clock.Advance(TimeSpan.FromHours(7));
        await ChangeStatusAsync(http, ticket, "fixed");
        var template = await LastUpdateAsync(http, ticket, clock);
        Assert.True(template.Status == "sent", $"The update outside the window was not sent: {template}");
        await phone.WaitForMessageAsync(before + 2);

        var forms = twilio.FormsSentTo(phone.Address);
        var inside = forms[before];
        Assert.Equal(["To", "From", "Body", "StatusCallback"], inside.Select(f => f.Key));
        var outside = forms[before + 1];
        Assert.Equal(["To", "From", "ContentSid", "ContentVariables", "StatusCallback"], outside.Select(f => f.Key));
        Assert.Equal(phone.Address, outside[0].Value);
        Assert.Equal(FakeTwilio.WhatsAppNumber, outside[1].Value);
        Assert.Equal(EnglishTemplate, outside[2].Value);
        Assert.Equal($$"""{"1":"{{ticket}}","2":"Pothole","3":"fixed"}""", outside[3].Value);
        Assert.StartsWith(FakeTwilio.PublicBaseUrl + "/api/twilio/status?outbox=", outside[4].Value, StringComparison.Ordinal);

        Assert.Null(template.Error);
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_nothing_is_sent_and_staff_see_why()
    {
        var clock = new FakeTimeProvider(Noon);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio, clock, template: null);
        using var http = app.CreateHttpClient();
        var phone = new WhatsAppPhone(http, twilio, "+15555550162");
        var ticket = await ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(phone.Address).Count;

        clock.Advance(TimeSpan.FromHours(30));
        await ChangeStatusAsync(http, ticket, "in_progress");

        var message = await LastUpdateAsync(http, ticket, clock);
        Assert.Equal("failed", message.Status);
        Assert.Contains("cannot notify: WhatsApp: outside the 24-hour window", message.Error, StringComparison.Ordinal);
        Assert.Contains("Twilio:WhatsAppTemplates:status_update:en", message.Error, StringComparison.Ordinal);
        Assert.Equal(before, twilio.ReceivedBy(phone.Address).Count);
    }

    private static async Task<string> ReportPotholeAsync(WhatsAppPhone phone)
    {
        var answer = string.Empty;
        foreach (var text in SmsScript.WhatsAppTexts)
        {
            answer = await phone.WriteAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}");
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }

    private static ChannelBotApp Start(TestStorage storage, FakeTwilio twilio, FakeTimeProvider clock, string? template)
    {
        var settings = twilio.Settings;
        settings["Staff:ApiKeys:0:Name"] = "Olga Operator";
        settings["Staff:ApiKeys:0:Key"] = OperatorKey;
        settings["Staff:ApiKeys:0:Role"] = "operator";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:SweepInterval"] = "00:00:01";
        if (template is not null)
        {
            settings["Twilio:WhatsAppTemplates:status_update:en"] = template;
        }

        return ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(clock));
    }

    private static async Task ChangeStatusAsync(HttpClient http, string ticket, string status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{ticket}/status")
        {
            Content = JsonContent.Create(new StatusChangeDto(status, null, null, null, null)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// The case's latest status update once the outbox has settled it (sent or failed). While it is pending the
    /// fake clock moves a second per second waited, so an outbox retry or sweep (timed by the app's clock) can run;
    /// a minute at most, which keeps the test's side of the 24-hour line.
    /// </summary>
    private static async Task<CaseMessageDto> LastUpdateAsync(HttpClient http, string ticket, FakeTimeProvider clock)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var nudge = DateTime.UtcNow.AddSeconds(1);
        while (true)
        {
            if (DateTime.UtcNow > nudge)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                nudge = DateTime.UtcNow.AddSeconds(1);
            }

            var detail = await GetAsync(http, ticket);
            var update = detail.Messages.Where(m => m.Text?.StartsWith("Update on", StringComparison.Ordinal) == true).MaxBy(m => m.Id);
            if (update is { Status: not "pending" })
            {
                return update;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The notification was not settled: {string.Join(" | ", detail.Messages)}");
            await Task.Delay(25);
        }
    }

    private static async Task<CaseDetailDto> GetAsync(HttpClient http, string ticket)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
    }
}
