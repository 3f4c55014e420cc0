using Xunit.Abstractions;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// Residents on SMS, WhatsApp, a Bot Framework channel, Messenger and web chat file reports while two app processes
/// (each its own port, on one PostgreSQL) are killed with <c>kill -9</c> at random moments, one at a time, and
/// started again. Nothing a resident sent is lost, no report is filed twice, every answer arrives in order, and on
/// Twilio's channels and in web chat none arrives twice. See docs/chaos.md.
/// <para>
/// The apps run in their own processes, so on the machine's clock, not a pinned one: what the run relies on that
/// depends on the hour is pinned by setting (no quiet hours); intake itself does not depend on the time of day.
/// </para>
/// </summary>
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    private static readonly ChaosPlan Plan = new()
    {
        Sms = 4,
        WhatsApp = 4,
        Connector = 4,
        Messenger = 4,
        WebChat = 4,
        Kills = 10,
        Instances = 2,
    };

    [Fact]
    public async Task Residents_on_five_channels_lose_nothing_while_two_app_processes_are_killed_10_times()
    {
        var outcome = await ChaosRun.RunAsync(Plan, output.WriteLine);

        Assert.Equal(Plan.Kills, outcome.Kills);

        // Only what was on its way at a kill comes twice (a few per kill), never the conversation sent again.
        Assert.True(outcome.ConnectorDoubled <= 3 * Plan.Kills, $"{outcome.ConnectorDoubled} Connector answers came twice in {Plan.Kills} kills.");
        Assert.True(outcome.MessengerDoubled <= 3 * Plan.Kills, $"{outcome.MessengerDoubled} Messenger answers came twice in {Plan.Kills} kills.");
    }
}
