using Xunit.Abstractions;

namespace ChannelBot.Web.Tests.Chaos;

/// <summary>
/// The large chaos run of issue 16: 1,000 conversations on SMS, WhatsApp, Messenger and web chat, two app processes,
/// 100 <c>kill -9</c>s. Tens of minutes, so it is left out of <c>./test.sh</c> (trait <c>Category=ChaosLarge</c>);
/// <c>scripts/chaos-large.sh</c> runs it. See docs/chaos.md.
/// </summary>
[Trait("Category", "ChaosLarge")]
public sealed class ChaosLargeRunTests(ITestOutputHelper output)
{
    private static readonly ChaosPlan Plan = new()
    {
        Sms = 250,
        WhatsApp = 250,
        Messenger = 250,
        WebChat = 250,
        Kills = 100,
        Instances = 2,
        AtOnce = 60,
        KillEvery = (2000, 8000),
        Seed = 16,
    };

    [Fact]
    public async Task A_thousand_residents_lose_nothing_while_two_app_processes_are_killed_100_times()
    {
        var outcome = await ChaosRun.RunAsync(Plan, output.WriteLine);

        Assert.Equal(Plan.Kills, outcome.Kills);
        Assert.True(outcome.MessengerDoubled <= 3 * Plan.Kills, $"{outcome.MessengerDoubled} Messenger answers came twice in {Plan.Kills} kills.");
    }
}
