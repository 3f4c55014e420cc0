using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>
/// Issues 5 and 6: a Messenger reporter who left a mobile number at the consent step ("Messenger only lets us write
/// to you for 24 hours...") still hears back when the case moves 30 hours later. Without a utility template the update
/// goes by SMS (seen at a fake Twilio API) and nothing more reaches the Graph API; with one it goes as that template
/// on Messenger and nothing is texted.
/// </summary>
public sealed partial class MessengerFallbackContactTests
{
    private const string Mobile = "+12025550143";

    [Fact]
    public async Task Thirty_hours_later_without_a_utility_template_the_update_goes_by_SMS_to_the_number_given_on_Messenger()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var resident = new MessengerResident();
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, resident, twilio, clock, template: null);
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, app.Services, resident);
        var onMessenger = resident.Sent.Count;

        clock.Advance(TimeSpan.FromHours(30));
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        var texts = await WaitForTextsAsync(twilio, 1);
        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", Assert.Single(texts));
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal(Mobile, detail.Reporter.Phone);
        Assert.True(detail.ConsentToUpdates);
        // One row for the change, to the phone (it may still be marking itself sent): no "cannot notify", no Messenger row.
        var update = Assert.Single(detail.Messages, m => m.Text?.Contains("crews are working", StringComparison.Ordinal) == true);
        Assert.Equal("sms", update.ChannelId);
        Assert.DoesNotContain(detail.Messages, m => m.Status == "failed");
        Assert.Equal(onMessenger, resident.Sent.Count);
        Assert.DoesNotContain(resident.Posted, body => body.ToJsonString().Contains("crews are working", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thirty_hours_later_with_a_utility_template_the_update_goes_as_the_template_and_nothing_is_texted()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var resident = new MessengerResident();
        using var twilio = new FakeTwilio();
        await using var app = Start(storage, resident, twilio, clock, template: "report_status_update");
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, app.Services, resident);
        var onMessenger = resident.Sent.Count;

        clock.Advance(TimeSpan.FromHours(30));
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        var update = (await resident.WaitForSentAsync(onMessenger + 1))[onMessenger];
        Assert.Equal("UTILITY", update["messaging_type"]!.GetValue<string>());
        Assert.Equal("report_status_update", update["message"]!["template"]!["name"]!.GetValue<string>());
        Assert.Equal(MessengerResident.Psid, update["recipient"]!["id"]!.GetValue<string>());
        var detail = await StaffApi.GetCaseAsync(http, ticket);
        Assert.Equal("facebook", Assert.Single(detail.Messages, m => m.Text?.Contains("crews are working", StringComparison.Ordinal) == true).ChannelId);
        Assert.Equal(0, twilio.Calls);
    }

    private static ChannelBotApp Start(TestStorage storage, MessengerResident resident, FakeTwilio twilio, FakeTimeProvider clock, string? template)
    {
        var settings = resident.Settings();
        foreach (var (key, value) in twilio.Settings)
        {
            settings[key] = value;
        }

        settings.WithOperator();
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        if (template is not null)
        {
            settings["Meta:UtilityTemplates:status_update:en"] = template;
        }

        return ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>A Messenger pothole report: yes to updates here, then the mobile number for later ones. Returns the ticket.</summary>
    private static async Task<string> ReportAsync(HttpClient http, IServiceProvider services, MessengerResident resident)
    {
        foreach (var text in new[] { "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip" })
        {
            await resident.SayAsync(http, services, text);
        }

        var askLater = await resident.SayAsync(http, services, "yes");
        Assert.Contains("Messenger only lets us write to you for 24 hours after your last message", Text(askLater), StringComparison.Ordinal);
        Assert.Contains(askLater.SelectMany(a => a["message"]?["quick_replies"]?.AsArray() ?? []), q => q!["title"]!.GetValue<string>() == "Skip");
        var summary = await resident.SayAsync(http, services, "text me at 202-555-0143");
        Assert.Contains("Updates: yes, here, and later by text message to " + Mobile, Text(summary), StringComparison.Ordinal);
        var receipt = await resident.SayAsync(http, services, "yes");

        var ticket = Ticket().Match(Text(receipt));
        Assert.True(ticket.Success, $"No ticket in the transcript:\n{resident.Transcript}");
        return ticket.Value;
    }

    private static string Text(IReadOnlyList<JsonObject> answers) =>
        string.Join("\n", answers.Select(a => a["message"]?["text"]?.GetValue<string>()).Where(t => t is not null));

    private static async Task<IReadOnlyList<string>> WaitForTextsAsync(FakeTwilio twilio, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (twilio.ReceivedBy(Mobile).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The phone received: " + string.Join(" | ", twilio.ReceivedBy(Mobile)));
            await Task.Delay(25);
        }

        return twilio.ReceivedBy(Mobile);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
