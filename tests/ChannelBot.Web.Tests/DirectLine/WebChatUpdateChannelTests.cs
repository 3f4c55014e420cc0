using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.DirectLine;

/// <summary>
/// Issue 4: at the end of a web report the resident chooses how to hear back — email or WhatsApp — and the case
/// records the choice. An email-only reporter gets the update by email (the Development sandbox's mailbox); one who
/// chose WhatsApp gets the approved template at the fake Twilio API (they never wrote to the city there, so the
/// window is closed), never free-form text.
/// </summary>
public sealed partial class WebChatUpdateChannelTests
{
    private const string Mobile = "+12025550143";
    private const string WhatsAppTemplate = "HX0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_web_reporter_who_chose_email_gets_the_update_by_email_with_the_ticket_in_subject_and_body()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio), environment: "Development");
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "Email", "ana@example.org");

        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        // The receipt came first (Email/EmailReceiptTests); this is the update.
        var mail = await WaitForEmailAsync(http, "ana@example.org", $"City of Springfield 311: your Pothole report {ticket} is being worked on");
        Assert.StartsWith($"Update on your Pothole report {ticket}: crews are working on it now.\n\n-- \n", mail.GetProperty("body").GetString()!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal("email", detail.UpdatesBy);

        // The outcome is written just after the mail went (outcomes are written in batches).
        await Eventually.HoldsAsync(async () => (await StaffApi.GetCaseAsync(http, ticket)).Messages.Last().Status == "sent");
        Assert.Equal(0, twilio.Calls);
    }

    [Fact]
    public async Task A_web_reporter_who_chose_WhatsApp_gets_the_approved_template_not_free_form_text()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var settings = Settings(twilio);
        settings["Twilio:WhatsAppTemplates:status_update:en"] = WhatsAppTemplate;
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "WhatsApp", "202-555-0143");

        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        var address = "whatsapp:" + Mobile;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (twilio.FormsSentTo(address).Count < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "Nothing reached " + address);
            await Task.Delay(25);
        }

        var form = Assert.Single(twilio.FormsSentTo(address));
        Assert.Equal(WhatsAppTemplate, form.Single(f => f.Key == "ContentSid").Value);
        Assert.Equal($$"""{"1":"{{ticket}}","2":"Pothole","3":"being worked on"}""", form.Single(f => f.Key == "ContentVariables").Value);
        Assert.DoesNotContain(form, f => f.Key == "Body");
        Assert.Empty(twilio.ReceivedBy(Mobile));
        Assert.Equal("whatsapp", (await StaffApi.GetCaseAsync(http, ticket)).UpdatesBy);
    }

    [Fact]
    public async Task A_web_reporter_who_chose_WhatsApp_with_no_template_configured_gets_SMS_and_staff_see_why()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, "WhatsApp", "202-555-0143");

        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (twilio.ReceivedBy(Mobile).Count < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "Nothing reached " + Mobile);
            await Task.Delay(25);
        }

        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", Assert.Single(twilio.ReceivedBy(Mobile)));
        Assert.Empty(twilio.FormsSentTo("whatsapp:" + Mobile));
    }

    private static Dictionary<string, string?> Settings(FakeTwilio twilio)
    {
        var settings = twilio.Settings;
        settings["DirectLine:TokenSigningKey"] = "dGVzdC1zaWduaW5nLWtleS1mb3ItZGlyZWN0LWxpbmUtdG9rZW5zLTAxMjM0NTY3";
        settings.WithOperator();
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        return settings;
    }

    /// <summary>A web chat pothole report whose updates go by <paramref name="channel"/> to <paramref name="contact"/>; returns the ticket.</summary>
    private static async Task<string> ReportAsync(HttpClient http, string channel, string contact)
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
        await resident.SayAsync(channel);
        await resident.SayAsync(contact);
        var receipt = await resident.SayAsync("yes");
        var ticket = Ticket().Match(receipt.Text ?? string.Empty).Value;
        Assert.False(string.IsNullOrEmpty(ticket), resident.Transcript);
        return ticket;
    }

    private static async Task<JsonElement> WaitForEmailAsync(HttpClient http, string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await http.GetAsync($"/sandbox/email/messages?to={Uri.EscapeDataString(to)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (messages.EnumerateArray().Where(m => m.GetProperty("subject").GetString() == subject).ToList() is [var mail])
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, "No email reached " + to);
            await Task.Delay(25);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
