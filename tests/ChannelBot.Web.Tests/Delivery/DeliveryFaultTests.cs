using System.Collections.Concurrent;
using ChannelBot.Application.Delivery;
using ChannelBot.Channels.Departments;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>
/// A department with both a webhook and an Open311 work-order system, each failing about 30 % of calls: half answered
/// with an error (500, 503, 429, and the 502 and 504 a proxy answers when the system behind it drops or stalls), half
/// broken by the network in front of it (<see cref="FlakyTcpProxy"/>: reset before the system sees the call, reset
/// after it accepted it, or no answer until the caller's timeout). Every one of 1,000 cases reaches each system, none
/// is lost, and a system gets a case's key a second time only after an acceptance whose answer the network swallowed
/// (the key lets it ignore that retry); each case keeps its delivery history (tries, the system's id).
/// </summary>
public sealed class DeliveryFaultTests
{
    private const int Cases = 1000;
    private const string Streets = "DPW-STREETS";
    private const string Secret = "department-webhook-test-secret-0123456789abcdef";

    [Fact]
    public async Task With_both_systems_failing_30_percent_of_calls_each_of_1000_cases_is_received_once_by_each_and_none_is_lost()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var webhook = WireMockServer.Start();
        using var workOrders = WireMockServer.Start();
        var random = new Random(20261207);
        var byWebhook = new ConcurrentDictionary<string, int>();
        var byWorkOrders = new ConcurrentDictionary<string, int>();
        webhook.Given(Request.Create().WithPath("/cases").UsingPost()).RespondWith(Flaky(random, byWebhook, _ => "{}"));
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Flaky(random, byWorkOrders, key => $$"""[{"service_request_id":"WO-{{key[^8..]}}"}]"""));
        await using var webhookNetwork = new FlakyTcpProxy(new Uri(webhook.Url!), DepartmentWebhookSignature.IdempotencyHeaderName, Network(new Random(7)));
        await using var workOrdersNetwork = new FlakyTcpProxy(new Uri(workOrders.Url!), DepartmentWebhookSignature.IdempotencyHeaderName, Network(new Random(11)));
        var settings = Open311ServerTests.Settings();
        settings[$"Departments:Webhooks:{Streets}:Url"] = webhookNetwork.Url + "/cases";
        settings[$"Departments:Webhooks:{Streets}:Secret"] = Secret;
        settings[$"Departments:Open311:{Streets}:Endpoint"] = workOrdersNetwork.Url + "/open311/v2/";
        settings[$"Departments:Open311:{Streets}:ApiKey"] = "work-orders-key";
        settings[$"Departments:Open311:{Streets}:Updates"] = DepartmentOpen311.UpdatesNone;
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:MaxAttempts"] = "20";

        // Short enough for the silences to cost little, long enough that a slow answer on a loaded machine is not one.
        settings["Departments:CallTimeout"] = "00:00:05";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        // 1,000 places 60 m apart (beyond the 50 m in which a second report of a pothole follows the first), four filers at once.
        var tickets = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            tickets.Add(await client.FilePotholeAsync(42.1020 + (i % 40 * 0.00055), -72.6060 + (i / 40 * 0.00075))));

        await Eventually.HoldsAsync(() => byWebhook.Count == Cases && byWorkOrders.Count == Cases, TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);

        Assert.Equal(Cases, tickets.Distinct().Count());
        Assert.True(
            byWebhook.All(p => p.Value == 1 + webhookNetwork.Swallowed.GetValueOrDefault(p.Key)) && byWorkOrders.All(p => p.Value == 1 + workOrdersNetwork.Swallowed.GetValueOrDefault(p.Key)),
            await TwiceAsync(storage, byWebhook, byWorkOrders));
        Assert.True(webhook.LogEntries.Count() > Cases && workOrders.LogEntries.Count() > Cases, "No call failed: the retries were not exercised.");
        foreach (var network in new[] { webhookNetwork, workOrdersNetwork })
        {
            Assert.All([NetworkFault.ResetBeforeSystem, NetworkFault.ResetAfterAnswer, NetworkFault.Silence], fault => Assert.True(network.Dealt.GetValueOrDefault(fault) > 0, $"No {fault}: not exercised."));
            Assert.NotEmpty(network.Swallowed);
        }

        await using var db = storage.Open();
        var deliveries = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ChannelId == DepartmentDelivery.WebhookChannel || m.ChannelId == DepartmentDelivery.Open311Channel)
            .ToListAsync();
        Assert.Equal(2 * Cases, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(OutboxStatus.Sent, d.Status));
        Assert.All(deliveries.Where(d => d.ChannelId == DepartmentDelivery.Open311Channel), d => Assert.StartsWith("WO-", d.ProviderMessageId, StringComparison.Ordinal));
        Assert.Contains(deliveries, d => d.Attempts > 1);
        Assert.Equal(Cases, deliveries.Select(d => d.CaseId).Distinct().Count());
    }

    /// <summary>What the outbox holds for each delivery received more than once (for the failure message).</summary>
    private static async Task<string> TwiceAsync(TestStorage storage, ConcurrentDictionary<string, int> byWebhook, ConcurrentDictionary<string, int> byWorkOrders)
    {
        var twice = byWebhook.Where(p => p.Value > 1).Select(p => $"webhook {p.Key} x{p.Value}")
            .Concat(byWorkOrders.Where(p => p.Value > 1).Select(p => $"work orders {p.Key} x{p.Value}")).ToList();
        if (twice.Count == 0)
        {
            return string.Empty;
        }

        await using var db = storage.Open();
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId != null).ToListAsync();
        var details = twice.Select(t =>
        {
            var caseId = Guid.ParseExact(t.Split(' ')[^2].Split(':')[^1], "N");
            return t + ": " + string.Join("; ", rows.Where(r => r.CaseId == caseId).Select(r => $"row {r.Id} {r.ChannelId} {r.Status} tries {r.Attempts} owner {r.OwnerId} error {r.LastError}"));
        });
        return "Received more than once: " + string.Join(" | ", details);
    }

    /// <summary>What the network in front of a system does to each connection: 5 % of each fault.</summary>
    private static Func<NetworkFault> Network(Random random) => () =>
    {
        lock (random)
        {
            return random.Next(100) switch
            {
                < 5 => NetworkFault.ResetBeforeSystem,
                < 10 => NetworkFault.ResetAfterAnswer,
                < 15 => NetworkFault.Silence,
                _ => NetworkFault.None,
            };
        }
    };

    /// <summary>
    /// 15 % of calls answered with an error (500, 503, 429, 502, 504); the others accepted and counted by key.
    /// </summary>
    private static IResponseBuilder Flaky(Random random, ConcurrentDictionary<string, int> accepted, Func<string, string> answer) =>
        Response.Create().WithCallback(request =>
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }

            if (roll < 15)
            {
                return new ResponseMessage
                {
                    StatusCode = roll switch
                    {
                        < 5 => 500,
                        < 9 => 503,
                        < 11 => 429,
                        < 13 => 502,
                        _ => 504,
                    },
                };
            }

            var key = request.Headers![DepartmentWebhookSignature.IdempotencyHeaderName].Single();
            accepted.AddOrUpdate(key, 1, (_, count) => count + 1);
            return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsString = answer(key), DetectedBodyType = BodyType.String } };
        });
}
