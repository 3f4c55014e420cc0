using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// Web chat cannot reach a resident days later: one who leaves a mobile number at the end of a web report hears
/// about it by SMS (seen at the fake Twilio API), and the "fixed" update does not ask a question the web chat
/// conversation would never hear the answer to.
/// </summary>
public sealed partial class WebChatUpdatesBySmsTests
{
    private const string OperatorKey = "operator-key-0123456789abcdef0123456789";
    private const string Mobile = "+12025550143";

    [Fact]
    public async Task A_web_chat_reporter_who_left_a_mobile_number_gets_updates_by_SMS()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "text me at 202-555-0143");

        await ChangeStatusAsync(http, ticket, "in_progress");
        await ChangeStatusAsync(http, ticket, "fixed");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (twilio.ReceivedBy(Mobile).Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The phone received: " + string.Join(" | ", twilio.ReceivedBy(Mobile)));
            await Task.Delay(25);
        }

        var texts = twilio.ReceivedBy(Mobile);
        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", texts[0]);
        Assert.Contains("the city marked it fixed", texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Reply 1", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_chat_reporter_who_left_only_an_email_shows_staff_that_they_cannot_be_told_where_no_email_is_configured()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio);
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "ana@example.org");

        await ChangeStatusAsync(http, ticket, "in_progress");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{ticket}");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", OperatorKey);
        using var response = await http.SendAsync(request);
        var detail = (await response.Content.ReadFromJsonAsync<CaseDetailDto>())!;
        Assert.Equal("ana@example.org", detail.Reporter.Email);
        var message = Assert.Single(detail.Messages, m => m.Status == "failed");   // besides the receipt the chat showed
        Assert.Contains("cannot notify", message.Error, StringComparison.Ordinal);
        Assert.Contains("email: no sender is configured", message.Error, StringComparison.Ordinal);
        Assert.Equal(0, twilio.Calls);
    }

    private static ChannelBotApp Start(TestStorage storage, FakeTwilio twilio)
    {
        var settings = twilio.Settings;
        settings["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3";
        settings["Staff:ApiKeys:0:Name"] = "Olga Operator";
        settings["Staff:ApiKeys:0:Key"] = OperatorKey;
        settings["Staff:ApiKeys:0:Role"] = "operator";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        return ChannelBotApp.Start(storage, settings);
    }

    /// <summary>A web chat pothole report whose answer to "updates?" is <paramref name="contact"/>; returns the ticket.</summary>
    private static async Task<string> ReportAsync(HttpClient http, string contact)
    {
        await using var resident = await DirectLineResident.OpenAsync(http);
        await resident.NextFromBotAsync();
        await resident.SayAsync("there's a huge pothole in the road");
        await resident.SayAsync("123 Main St");
        await resident.SayAsync("next to the curb");
        await resident.SayAsync("skip");
        await resident.SayAsync("It is deep enough to damage a tire.");
        await resident.SayAsync("no");   // the description stays off the public map
        await resident.SayAsync("no photo");
        await resident.SayAsync("skip");   // name
        await resident.SayAsync(contact);
        var receipt = await resident.SayAsync("yes");
        var ticket = Ticket().Match(receipt.Text ?? string.Empty).Value;
        Assert.False(string.IsNullOrEmpty(ticket), resident.Transcript);
        return ticket;
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

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
