using ChannelBot.Application.Logging;
using ChannelBot.Web.Tests.Meta;
using ChannelBot.Web.Tests.Staff;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ChannelBot.Web.Tests.Hosting;

/// <summary>
/// Residents' phone numbers, Messenger ids and email addresses never reach the logs, at any level: an SMS report with
/// a status update texted back, and a Messenger report that leaves an email for later updates, logged at Verbose.
/// </summary>
[Collection(LogCaptureCollection.Name)]
public sealed class ResidentIdentifiersInLogsTests
{
    private const string Phone = "+12025550177";
    private const string Email = "ana.resident@example.org";

    [Fact]
    public async Task No_phone_number_psid_or_email_of_a_resident_is_logged()
    {
        var logs = new CapturedLogs();
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var messenger = new MessengerResident();
        var settings = twilio.Settings;
        foreach (var (key, value) in messenger.Settings())
        {
            settings[key] = value;
        }

        settings["Serilog:MinimumLevel:Default"] = "Verbose";
        await using var app = ChannelBotApp.Start(storage, settings.WithOperator(), services => services.AddSingleton<ILogEventSink>(logs));
        using var http = app.CreateHttpClient();

        var phone = new SmsPhone(http, twilio, Phone);
        var ticket = await SmsScript.ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(Phone).Count;
        await StaffApi.ChangeStatusAsync(http, ticket, "in_progress");
        await phone.WaitForTextAsync(before + 1);

        foreach (var text in new[] { "there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip", "yes", Email, "yes" })
        {
            await messenger.SayAsync(http, app.Services, text);
        }

        // The sink sees the app's logs, and the residents are in them, masked.
        Assert.Contains(logs.Events, e => e.Contains("Twilio message sent", StringComparison.Ordinal) && e.Contains(LogMask.Id(Phone), StringComparison.Ordinal));
        Assert.Contains(logs.Events, e => e.Contains(LogMask.Id(MessengerResident.Psid), StringComparison.Ordinal));
        foreach (var identifier in new[] { Phone, Phone[2..], MessengerResident.Psid, Email, "ana.resident" })
        {
            Assert.DoesNotContain(logs.Events, e => e.Contains(identifier, StringComparison.OrdinalIgnoreCase));
        }
    }
}
