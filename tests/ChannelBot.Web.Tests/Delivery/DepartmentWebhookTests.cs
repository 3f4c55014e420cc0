using System.Globalization;
using System.Text.Json;
using ChannelBot.Channels.Departments;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>
/// A filed case reaches its department's system: one signed POST with the case's idempotency key, retried through
/// failures until the system has it once, shown on the case with the system's own id; a refusal is shown, not retried.
/// </summary>
public sealed class DepartmentWebhookTests
{
    private const string Secret = "department-webhook-test-secret-0123456789abcdef";
    private const string Streets = "DPW-STREETS";

    [Fact]
    public async Task A_case_filed_through_Open311_reaches_its_department_once_signed_and_keyed_without_the_resident_s_details()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var department = WireMockServer.Start();
        department.Given(Request.Create().WithPath("/cases").UsingPost()).RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"id":"WO-1"}"""));
        await using var app = ChannelBotApp.Start(storage, Settings(department));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync(more: [new("email", "ana@example.org"), new("phone", "+15555550111"), new("first_name", "Ana")]);

        var detail = await DeliveredAsync(http, ticket);
        Assert.Equal(Streets, detail.Case.Department);
        var request = Assert.Single(department.LogEntries).RequestMessage;
        var body = request.BodyAsBytes!;
        var signature = request.Headers![DepartmentWebhookSignature.HeaderName].Single();
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(signature.Split(',')[0]["t=".Length..], CultureInfo.InvariantCulture));
        Assert.Equal(DepartmentWebhookSignature.Compute(Secret, at, body), signature);
        Assert.NotEqual(DepartmentWebhookSignature.Compute(Secret + "x", at, body), signature);

        var schema = await NJsonSchema.JsonSchema.FromFileAsync(Path.Combine(RepositoryDialogs.Path, "..", "docs", "department-webhook.schema.json"));
        Assert.Empty(schema.Validate(System.Text.Encoding.UTF8.GetString(body)));
        using var payload = JsonDocument.Parse(body);
        var root = payload.RootElement;
        Assert.Equal(ticket, root.GetProperty("ticket").GetString());
        Assert.Equal("PTHOLE", root.GetProperty("service_code").GetString());
        Assert.Equal(Streets, root.GetProperty("department").GetString());
        Assert.Equal(42.113504, root.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(request.Headers[DepartmentWebhookSignature.IdempotencyHeaderName].Single(), root.GetProperty("idempotency_key").GetString());
        var text = System.Text.Encoding.UTF8.GetString(body);
        Assert.DoesNotContain("ana@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5555550111", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", text, StringComparison.Ordinal);

        var delivery = Assert.Single(detail.Messages, m => m.ChannelId == "department-webhook");
        Assert.Equal("WO-1", delivery.ProviderId);
    }

    [Fact]
    public async Task With_the_department_s_system_failing_30_percent_of_calls_every_case_is_accepted_there_exactly_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var department = WireMockServer.Start();
        var random = new Random(20261207);
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        department.Given(Request.Create().WithPath("/cases").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            int roll;
            lock (random)
            {
                roll = random.Next(100);
            }

            if (roll < 30)
            {
                return new ResponseMessage { StatusCode = roll < 15 ? 500 : 503 };
            }

            accepted.AddOrUpdate(request.Headers![DepartmentWebhookSignature.IdempotencyHeaderName].Single(), 1, (_, count) => count + 1);
            return new ResponseMessage { StatusCode = 202, BodyData = new BodyData { BodyAsString = "{}", DetectedBodyType = BodyType.String } };
        }));
        await using var app = ChannelBotApp.Start(storage, Settings(department));
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Open311ServerTests.Key);

        var tickets = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            // Some 150 m apart: nearby reports of one service would be filed as duplicates (and a duplicate is not delivered).
            tickets.Add(await client.FilePotholeAsync(42.1085 + (i % 8 * 0.0015), -72.5928 + (i / 8 * 0.0015)));
        }

        await Eventually.HoldsAsync(() => accepted.Count == tickets.Count);
        foreach (var ticket in tickets)
        {
            Assert.Equal("sent", Assert.Single((await DeliveredAsync(http, ticket)).Messages, m => m.ChannelId == "department-webhook").Status);
        }

        Assert.All(accepted.Values, count => Assert.Equal(1, count));

        // Every try of a case, failed or not, carried that case's one key: 40 keys in all, however many calls.
        var keys = department.LogEntries.Select(e => e.RequestMessage.Headers![DepartmentWebhookSignature.IdempotencyHeaderName].Single()).Distinct().Count();
        Assert.Equal(tickets.Count, keys);
        Assert.True(department.LogEntries.Count() > tickets.Count, "No call failed: the retries were not exercised.");
    }

    [Fact]
    public async Task A_delivery_the_department_s_system_refuses_is_shown_on_the_case_and_not_tried_again()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var department = WireMockServer.Start();
        department.Given(Request.Create().WithPath("/cases").UsingPost()).RespondWith(Response.Create().WithStatusCode(422));
        await using var app = ChannelBotApp.Start(storage, Settings(department));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync();

        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Messages.Any(m => m.ChannelId == "department-webhook" && m.Status == "failed");
        });
        var delivery = Assert.Single(detail!.Messages, m => m.ChannelId == "department-webhook");
        Assert.Contains("422", delivery.Error, StringComparison.Ordinal);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(department.LogEntries);
    }

    private static async Task<CaseDetailDto> DeliveredAsync(HttpClient http, string ticket)
    {
        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Messages.Any(m => m.ChannelId == "department-webhook" && m.Status == "sent");
        });
        return detail!;
    }

    private static Dictionary<string, string?> Settings(WireMockServer department)
    {
        var settings = Open311ServerTests.Settings();
        settings[$"Departments:Webhooks:{Streets}:Url"] = department.Url + "/cases";
        settings[$"Departments:Webhooks:{Streets}:Secret"] = Secret;
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:MaxAttempts"] = "10";
        return settings;
    }
}
