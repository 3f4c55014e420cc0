using System.Collections.Concurrent;
using ChannelBot.Channels.Departments;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>
/// The outbox sweep runs all the time while cases are filed: it often finds a filing's rows between their commit and
/// the filer's own hand-over, and sends them first. The filer's late hand-over must not send them a second time.
/// </summary>
public sealed class OutboxSweepRaceTests
{
    private const int Cases = 300;
    private const string Streets = "DPW-STREETS";

    [Fact]
    public async Task Rows_the_sweep_sends_first_are_not_sent_again_by_their_writer()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var webhook = WireMockServer.Start();
        var received = new ConcurrentDictionary<string, int>();
        webhook.Given(Request.Create().WithPath("/cases").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            received.AddOrUpdate(request.Headers![DepartmentWebhookSignature.IdempotencyHeaderName].Single(), 1, (_, count) => count + 1);
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        var settings = Open311ServerTests.Settings();
        settings[$"Departments:Webhooks:{Streets}:Url"] = webhook.Url + "/cases";
        settings[$"Departments:Webhooks:{Streets}:Secret"] = "department-webhook-test-secret-0123456789abcdef";
        settings["Outbox:SweepInterval"] = "00:00:00.001";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        // Places 60 m apart (beyond the 50 m in which a second report of a pothole follows the first), four filers at once.
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await client.FilePotholeAsync(42.1020 + (i % 40 * 0.00055), -72.6060 + (i / 40 * 0.00075)));

        await Eventually.HoldsAsync(() => received.Count == Cases, TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);

        Assert.DoesNotContain(received, r => r.Value != 1);
    }
}
