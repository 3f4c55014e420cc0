using ChannelBot.Testing.Fuzz;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Meta;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Fuzz;

/// <summary>
/// 2,000 hostile requests across every ingress (Twilio and Meta webhooks signed so their parsers are reached, the
/// Connector, Direct Line posts and uploads, the staff API): no answer is a 5xx, every legitimate web chat message sent
/// between them is answered (outside staffed hours, so none of them is left for an operator), and the app is still ready at the end. docs/benchmarks.md has the 10,000-request run.
/// </summary>
public sealed class FuzzTests
{
    [Fact]
    public async Task Two_thousand_hostile_requests_get_no_5xx_and_residents_are_still_answered()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var messenger = new MessengerResident();
        using var connector = new FakeConnector();
        var folder = Directory.CreateTempSubdirectory("channelbot-fuzz-");
        var settings = twilio.Settings;
        foreach (var (key, value) in messenger.Settings())
        {
            settings[key] = value;
        }

        settings["DirectLine:TokenSigningKey"] = "ZnV6ei10ZXN0LXNpZ25pbmcta2V5LWZvci1kaXJlY3QtbGluZS0wMTIzNDU2Nzg5";
        settings["DirectLine:UploadPath"] = Path.Combine(folder.FullName, "uploads");
        settings["DirectLine:PostBurst"] = "100000";
        settings["DirectLine:PostsPerMinute"] = "100000";
        settings["Photos:Path"] = Path.Combine(folder.FullName, "photos");
        // Hostile texts in the resident's own web chat can fail a question twice; during staffed hours that puts the
        // resident in line for an operator and the bot goes quiet. The bot must answer every "help" here: at night.
        await using var app = ChannelBotApp.Start(storage, settings.WithOperator(), services => services.AddSingleton<TimeProvider>(new PinnedClock(PinnedClock.OutsideStaffedHours)));
        using var http = app.CreateHttpClient();
        var resident = new EmulatorClient(http, connector, "fuzz-resident");
        await PotholeScript.StartAsync(resident);
        var ticket = System.Text.RegularExpressions.Regex.Match(await PotholeScript.FinishAsync(resident), @"311-\d{4}-\d{6}").Value;
        var targets = new FuzzTargets(FakeTwilio.AuthToken, FakeTwilio.PublicBaseUrl, FakeTwilio.AccountSid, MessengerResident.AppSecret, StaffApi.OperatorKey, connector.ServiceUrl);

        var result = await FuzzRun.RunAsync(http, targets, seed: 311, count: 2_000, legitimateEvery: 100, ticket);

        Assert.True(result.ServerErrors.Count == 0, result.Summary + "\n" + string.Join("\n", result.ServerErrors.Take(20)));
        Assert.Equal(0, result.LegitimateUnanswered);
        Assert.True(result.ReadyAtTheEnd, result.Summary);
        Assert.True(result.StatusCounts.Keys.Count(s => s is >= 400 and < 500) >= 4, "The run should meet several kinds of refusal: " + result.Summary);
        folder.Delete(recursive: true);
    }
}
