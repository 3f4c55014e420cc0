using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>
/// Issues 5 and 6 end to end at a fake Graph API: a Messenger reporter hears about a status change as RESPONSE
/// inside the 24-hour window; 30 hours later the update goes as the Page's utility template when one is configured,
/// and otherwise nothing is sent and the case says "cannot notify" and why. No request ever carries a message tag.
/// </summary>
public sealed partial class MessengerNotificationTests
{

    [Fact]
    public async Task Inside_the_window_the_update_is_a_response_and_30_hours_later_the_utility_template()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var resident = new MessengerResident();
        await using var app = Start(storage, resident, clock, template: "report_status_update");
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, app.Services, resident);

        clock.Advance(TimeSpan.FromHours(2));
        var before = resident.Sent.Count;
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
        await resident.WaitForSentAsync(before + 1);
        var inside = resident.Sent[before];
        Assert.Equal("RESPONSE", inside["messaging_type"]!.GetValue<string>());
        Assert.Equal($"Update on your Pothole report {ticket}: crews are working on it now.", inside["message"]!["text"]!.GetValue<string>());

        clock.Advance(TimeSpan.FromHours(28));
        await StaffApi.ChangeStatusAsync(http, ticket, "fixed");
        await resident.WaitForSentAsync(before + 2);
        var outside = resident.Sent[before + 1];
        Assert.Equal(
            """{"recipient":{"id":"PSID"},"messaging_type":"UTILITY","message":{"template":{"name":"report_status_update","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"TICKET"},{"type":"text","text":"Pothole"},{"type":"text","text":"fixed"}]}]}}}"""
                .Replace("PSID", MessengerResident.Psid, StringComparison.Ordinal)
                .Replace("TICKET", ticket, StringComparison.Ordinal),
            outside.ToJsonString());
        AssertNoTag(resident);
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_nothing_is_sent_and_the_case_records_cannot_notify()
    {
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var resident = new MessengerResident();
        await using var app = Start(storage, resident, clock, template: null);
        using var http = app.CreateHttpClient();
        var ticket = await ReportAsync(http, app.Services, resident);
        var before = resident.Sent.Count;

        clock.Advance(TimeSpan.FromHours(30));
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");

        var detail = await StaffApi.GetCaseAsync(http, ticket);
        var message = detail.Messages.Last();
        Assert.Equal("failed", message.Status);
        Assert.Contains("cannot notify: Messenger: outside the 24-hour window", message.Error, StringComparison.Ordinal);
        Assert.Contains("Meta:UtilityTemplates:status_update:en", message.Error, StringComparison.Ordinal);
        Assert.Equal(before, resident.Sent.Count);
        AssertNoTag(resident);
    }

    private static void AssertNoTag(MessengerResident resident)
    {
        foreach (var body in resident.Sent)
        {
            Assert.False(body.ContainsKey("tag"));
            Assert.NotEqual("MESSAGE_TAG", body["messaging_type"]?.GetValue<string>());
            foreach (var retired in new[] { "ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE" })
            {
                Assert.DoesNotContain(retired, body.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    private static ChannelBotApp Start(TestStorage storage, MessengerResident resident, FakeTimeProvider clock, string? template)
    {
        var settings = resident.Settings();
        settings.WithOperator();
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        if (template is not null)
        {
            settings["Meta:UtilityTemplates:status_update:en"] = template;
        }

        return ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(clock));
    }

    private static async Task<string> ReportAsync(HttpClient http, IServiceProvider services, MessengerResident resident)
    {
        IReadOnlyList<JsonObject> answer = [];
        foreach (var text in new[] { "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip", "yes", "skip", "yes" })
        {
            answer = await resident.SayAsync(http, services, text);
        }

        var said = string.Join("\n", answer.Select(a => a["message"]?["text"]?.GetValue<string>()));
        var ticket = Ticket().Match(said);
        Assert.True(ticket.Success, $"No ticket in the transcript:\n{resident.Transcript}");
        return ticket.Value;
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
