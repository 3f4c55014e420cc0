using System.Net;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Twilio;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Twilio;

/// <summary>
/// A free-form WhatsApp update that Twilio accepted and later reported undelivered with 63016 (the window had
/// closed, which our record did not show): with a template configured the update goes again as that template, once,
/// even when the callback comes twice; without one the update stays failed with 63016 for staff to see.
/// </summary>
public sealed class WhatsAppLateWindowRefusalTests
{
    private const string Template = "HXfedcba9876543210fedcba9876543210";

    [Fact]
    public async Task A_63016_in_a_status_callback_sends_the_update_again_as_its_template_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio, Template);
        using var http = app.CreateHttpClient();
        var (phone, ticket, update) = await UpdatedAsync(http, twilio, "+15555550331");

        await CallbackAsync(http, phone, update);
        await CallbackAsync(http, phone, update);

        var resent = await phone.WaitForMessageAsync(update.Index + 2);
        Assert.StartsWith($"[template {Template}] {ticket} | Pothole | ", resent, StringComparison.Ordinal);
        var form = twilio.FormsSentTo(phone.Address)[update.Index + 1];
        Assert.Equal(["To", "From", "ContentSid", "ContentVariables", "StatusCallback"], form.Select(f => f.Key));
        var messages = (await StaffApi.GetCaseAsync(http, ticket)).Messages.Where(m => m.Text?.StartsWith("Update on", StringComparison.Ordinal) == true).OrderBy(m => m.Id).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Equal(("undelivered", "63016"), (messages[0].Delivery, messages[0].DeliveryError));
        Assert.Equal(update.Index + 2, twilio.ReceivedBy(phone.Address).Count);
    }

    [Fact]
    public async Task Without_a_template_a_63016_in_a_status_callback_leaves_the_update_failed_for_staff_to_see()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, twilio, template: null);
        using var http = app.CreateHttpClient();
        var (phone, ticket, update) = await UpdatedAsync(http, twilio, "+15555550332");

        await CallbackAsync(http, phone, update);

        var messages = (await StaffApi.GetCaseAsync(http, ticket)).Messages.Where(m => m.Text?.StartsWith("Update on", StringComparison.Ordinal) == true).ToList();
        var only = Assert.Single(messages);
        Assert.Equal(("undelivered", "63016"), (only.Delivery, only.DeliveryError));
        Assert.Equal(update.Index + 1, twilio.ReceivedBy(phone.Address).Count);
    }

    /// <summary>A WhatsApp report, then an update sent free-form inside the window: which message it was (its index, sid and callback URL).</summary>
    private static async Task<(WhatsAppPhone Phone, string Ticket, (int Index, string Sid, string Callback) Update)> UpdatedAsync(HttpClient http, FakeTwilio twilio, string number)
    {
        var phone = new WhatsAppPhone(http, twilio, number);
        var answer = string.Empty;
        foreach (var text in SmsScript.WhatsAppTexts)
        {
            answer = await phone.WriteAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}").Value;
        var index = twilio.ReceivedBy(phone.Address).Count;
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        Assert.StartsWith("Update on", await phone.WaitForMessageAsync(index + 1), StringComparison.Ordinal);
        var callback = twilio.FormsSentTo(phone.Address)[index].Single(f => f.Key == "StatusCallback").Value;
        using var client = new HttpClient();
        var list = JsonNode.Parse(await client.GetStringAsync($"{twilio.Server.Url}/2010-04-01/Accounts/{FakeTwilio.AccountSid}/Messages.json?To={Uri.EscapeDataString(phone.Address)}"))!;
        var sid = (string)list["messages"]![0]!["sid"]!;

        // The sid is on the update's row once the outbox has recorded the send.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await StaffApi.GetCaseAsync(http, ticket)).Messages.Any(m => m.Text?.StartsWith("Update on", StringComparison.Ordinal) == true && m.Status != "sent"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The update was not recorded as sent.");
            await Task.Delay(25);
        }

        return (phone, ticket, (index, sid, callback));
    }

    private static async Task CallbackAsync(HttpClient http, WhatsAppPhone phone, (int Index, string Sid, string Callback) update)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", update.Sid),
            new("SmsSid", update.Sid),
            new("AccountSid", FakeTwilio.AccountSid),
            new("From", FakeTwilio.WhatsAppNumber),
            new("To", phone.Address),
            new("MessageStatus", "undelivered"),
            new("SmsStatus", "undelivered"),
            new("ErrorCode", "63016"),
            new("ChannelPrefix", "whatsapp"),
            new("ApiVersion", "2010-04-01"),
        };
        var signature = TwilioSignature.Compute(FakeTwilio.AuthToken, update.Callback, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, update.Callback[FakeTwilio.PublicBaseUrl.Length..]) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ChannelBotApp Start(TestStorage storage, FakeTwilio twilio, string? template)
    {
        var settings = twilio.Settings.WithOperator();
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        if (template is not null)
        {
            settings["Twilio:WhatsAppTemplates:status_update:en"] = template;
        }

        return ChannelBotApp.Start(storage, settings);
    }

}
