using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// Residents on SMS, WhatsApp and a Bot Framework channel file reports while the app (a process of its own, on
/// PostgreSQL) is killed with <c>kill -9</c> at random moments and started again. Nothing a resident sent is lost, no
/// report is filed twice, every answer arrives in order, and on Twilio's channels none arrives twice (the instance
/// that takes a dead one's messages over asks Twilio first).
/// <para>
/// The app runs in its own process, so it runs on the machine's clock, not a pinned one: what the run relies on that
/// depends on the hour is pinned by setting (no quiet hours); intake itself (the questions, the case, the answers
/// checked here) does not depend on the time of day.
/// </para>
/// </summary>
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    private const int Kills = 10;
    private const int ResidentsPerChannel = 8;

    [Fact]
    public async Task Residents_lose_nothing_and_get_nothing_twice_while_the_app_is_killed_10_times()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        using var twilio = new FakeTwilio();
        using var connector = new FakeConnector();
        using var app = new AppProcess(Settings(storage, twilio));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        var sms = Enumerable.Range(0, ResidentsPerChannel).Select(i => new TwilioResident(twilio, $"+1555555{i + 3000:D4}", whatsApp: false, SmsScript.Texts)).ToList();
        var whatsApp = Enumerable.Range(0, ResidentsPerChannel).Select(i => new TwilioResident(twilio, $"whatsapp:+1555555{i + 4000:D4}", whatsApp: true, SmsScript.WhatsAppTexts)).ToList();
        var bot = Enumerable.Range(0, ResidentsPerChannel).Select(i => new ConnectorResident(connector, $"chaos-{i}-" + Guid.NewGuid().ToString("N")[..8], PotholeScript.Texts)).ToList();
        List<ChaosResident> everyone = [.. sms, .. whatsApp, .. bot];

        // Seeded, so a failing run can be replayed with the same kill moments.
        var random = new Random(20261207);
        var reporting = Task.WhenAll(everyone.Select(resident => Task.Run(() => resident.ReportAsync(() => http))));
        var kills = 0;
        while (kills < Kills)
        {
            await Task.WhenAny(reporting, Task.Delay(random.Next(300, 3000)));
            app.Kill();
            kills++;
            await app.StartAsync();
        }

        await reporting;
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0 && await storage.UnprocessedInboundAsync() == 0);

        Assert.All(sms, resident => Assert.Equal(SmsScript.Texts.Length, resident.Received.Count));
        Assert.All(whatsApp, resident => Assert.Equal(SmsScript.WhatsAppTexts.Length, resident.Received.Count));
        AssertSameConversation(sms);
        AssertSameConversation(whatsApp);

        // The Connector cannot be asked whether a message arrived: one sent but not yet recorded when the process died
        // comes twice (ADR 0015; measured: 1 to 8 in 10 kills). Never lost, never out of order, and only what was on
        // its way at a kill (a few per kill), not the conversation sent again.
        var doubled = 0;
        foreach (var resident in bot)
        {
            var answers = resident.Received.Distinct().ToList();
            doubled += resident.Received.Count - answers.Count;
            Assert.Equal(PotholeScript.Texts.Select((_, i) => $"{resident.Name}-{i}"), answers.Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).Distinct());
        }

        output.WriteLine($"{kills} kills; Connector answers doubled by a kill: {doubled}");
        Assert.True(doubled <= 3 * Kills, $"{doubled} Connector answers came twice in {Kills} kills.");
        await using var db = storage.Open();
        var filed = await db.Cases.Select(c => c.ConversationKey).ToListAsync();
        foreach (var channel in new[] { "sms", "whatsapp", "emulator" })
        {
            Assert.True(filed.Count(key => key.StartsWith(channel + "/", StringComparison.Ordinal)) == ResidentsPerChannel, $"{channel}: {string.Join(", ", filed)}");
        }

        Assert.Equal(filed.Count, filed.Distinct().Count());
    }

    /// <summary>Every resident of one channel, having sent the same words, received the same answers in the same order.</summary>
    private static void AssertSameConversation(List<TwilioResident> residents)
    {
        foreach (var resident in residents.Skip(1))
        {
            Assert.Equal(residents[0].Received, resident.Received);
        }
    }

    private static Dictionary<string, string> Settings(TestStorage storage, FakeTwilio twilio)
    {
        var settings = ChannelBotApp.BaseSettings(storage);
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";

        // A killed instance is presumed dead after 3 s (60 s in production), so a run is minutes, not an hour.
        settings["Instances:HeartbeatInterval"] = "00:00:00.500";
        settings["Instances:PresumedDeadAfter"] = "00:00:03";
        settings["Instances:TakeOverInterval"] = "00:00:00.500";
        settings["Outbox:SweepInterval"] = "00:00:00.500";
        settings["Outbox:FirstRetryDelay"] = "00:00:00.100";
        settings["Outbox:MaxRetryDelay"] = "00:00:01";
        foreach (var (key, value) in twilio.Settings)
        {
            settings[key] = value;
        }

        return settings.Where(setting => setting.Value is not null).ToDictionary(setting => setting.Key, setting => setting.Value!);
    }
}
