using System.Diagnostics;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// Runs one <see cref="ChaosPlan"/>: the app processes on a fresh PostgreSQL database, the residents reporting
/// through the fakes, the kills, then every check (<see cref="ChaosChecks"/>). Returns what was counted.
/// </summary>
internal static class ChaosRun
{
    public static async Task<ChaosOutcome> RunAsync(ChaosPlan plan, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        await using var storage = await TestStorage.CreateAsync(TestStorage.Postgres);
        using var twilio = new FakeTwilio();
        using var connector = new FakeConnector();
        using var graph = new FakeGraph();
        using var apps = new AppInstances(plan.Instances, ChaosSettings.For(storage, twilio, graph));
        await apps.StartAsync();

        var sms = Many(plan.Sms, i => new TwilioResident(twilio, $"+1555555{i + 3000:D4}", whatsApp: false, SmsScript.Texts));
        var whatsApp = Many(plan.WhatsApp, i => new TwilioResident(twilio, $"whatsapp:+1555555{i + 4000:D4}", whatsApp: true, SmsScript.WhatsAppTexts));
        var bot = Many(plan.Connector, i => new ConnectorResident(connector, $"chaos-{i}-" + Guid.NewGuid().ToString("N")[..8], PotholeScript.Texts));
        var messenger = Many(plan.Messenger, i => new MessengerChaosResident(graph, $"65123{i:D11}", MessengerScript));
        var web = Many(plan.WebChat, i => new WebChatChaosResident($"web-{i}", WebChatScript));
        List<ChaosResident> everyone = [.. Interleaved([[.. sms], [.. whatsApp], [.. bot], [.. messenger], [.. web]])];

        var random = new Random(plan.Seed);
        using var atOnce = new SemaphoreSlim(Math.Min(plan.AtOnce, everyone.Count));
        var reporting = Task.WhenAll(everyone.Select(resident => Task.Run(async () =>
        {
            await atOnce.WaitAsync();
            try
            {
                await resident.ReportAsync(apps.Next);
            }
            finally
            {
                atOnce.Release();
            }
        })));
        var kills = 0;
        while (kills < plan.Kills)
        {
            await Task.WhenAny(reporting, Task.Delay(random.Next(plan.KillEvery.Min, plan.KillEvery.Max)));
            await apps.KillOneAsync(random);
            kills++;
        }

        await reporting;
        await apps.AllUpAsync();
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0 && await storage.UnprocessedInboundAsync() == 0, TimeSpan.FromMinutes(2));

        ChaosChecks.SameConversation(sms, SmsScript.Texts.Length);
        ChaosChecks.SameConversation(whatsApp, SmsScript.WhatsAppTexts.Length);
        ChaosChecks.SameConversation(web, WebChatScript.Length + 1);   // the greeting when the chat opens, then one answer each
        var connectorDoubled = ChaosChecks.ConnectorDoubled(bot);
        var messengerDoubled = await ChaosChecks.MessengerDoubledAsync(storage, messenger);
        await ChaosChecks.OneCaseEachAsync(storage, plan);
        var outcome = new ChaosOutcome(kills, connectorDoubled, messengerDoubled, web.Sum(resident => resident.Resent), clock.Elapsed);
        log($"{plan.Instances} instance(s), {kills} kills; residents: {plan.Sms} SMS, {plan.WhatsApp} WhatsApp, {plan.Connector} Connector, {plan.Messenger} Messenger, {plan.WebChat} web chat; "
            + $"lost 0, cases twice 0, SMS/WhatsApp/web chat answers doubled 0; Connector answers doubled {outcome.ConnectorDoubled}, Messenger answers doubled {outcome.MessengerDoubled}; "
            + $"web chat posts sent again {outcome.WebChatResent}; {outcome.Elapsed:m\\:ss}");
        return outcome;
    }

    /// <summary>A web chat report: the greeting comes when the chat opens; no photo, no name, no updates, sent.</summary>
    private static readonly string[] WebChatScript =
        ["there's a huge pothole in the road", "123 Main St", "next to the curb", "skip", "It is deep enough to damage a tire.", "no", "no photo", "skip", "skip", "yes"];

    /// <summary>A Messenger report as typed (no taps): updates yes, no contact for later, sent.</summary>
    private static readonly string[] MessengerScript = [.. PotholeScript.Texts[..^1], "skip", "send it"];

    private static List<T> Many<T>(int count, Func<int, T> create) => [.. Enumerable.Range(0, count).Select(create)];

    /// <summary>One of each channel in turn, so that residents waiting for their turn are spread over the channels.</summary>
    private static IEnumerable<ChaosResident> Interleaved(List<ChaosResident>[] channels)
    {
        for (var i = 0; i < channels.Max(channel => channel.Count); i++)
        {
            foreach (var channel in channels.Where(channel => i < channel.Count))
            {
                yield return channel[i];
            }
        }
    }
}

/// <summary>What a chaos run counted beyond what it asserts is zero.</summary>
internal sealed record ChaosOutcome(int Kills, int ConnectorDoubled, int MessengerDoubled, int WebChatResent, TimeSpan Elapsed);
