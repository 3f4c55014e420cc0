using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>
/// A department whose crews work in an Open311 work-order system: the resident's case is filed there once (GeoReport v2
/// <c>POST requests</c>, its codes, the place, the answers, nothing personal), its id is kept on the case, and when the
/// crew's system posts FIXED back the resident who texted hears it; a refusal is shown on the case, not retried.
/// </summary>
public sealed class DepartmentOpen311Tests
{
    private const string Streets = "DPW-STREETS";
    private const string TheirKey = "work-orders-key-for-channelbot";

    [Fact]
    public async Task A_texted_case_is_filed_once_in_the_work_order_system_which_posts_FIXED_back_to_the_resident()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""[{"service_request_id":"WO-1001","service_notice":"Queued for crew 4"}]"""));
        await using var app = ChannelBotApp.Start(storage, Settings(workOrders, twilio.Settings));
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550191");

        var ticket = await SmsScript.ReportPotholeAsync(phone);
        var detail = await DeliveredAsync(http, ticket);

        var filed = Assert.Single(workOrders.LogEntries).RequestMessage;
        var form = System.Web.HttpUtility.ParseQueryString(filed.Body!);
        Assert.Equal(TheirKey, form["api_key"]);
        Assert.Equal("streets.example", form["jurisdiction_id"]);
        Assert.Equal("POTHOLE-REPAIR", form["service_code"]);
        Assert.False(string.IsNullOrEmpty(form["lat"]) || string.IsNullOrEmpty(form["long"]), filed.Body);
        Assert.Contains(ticket, form["description"], StringComparison.Ordinal);
        Assert.Contains(form.AllKeys, k => k?.StartsWith("attribute[", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("5555550191", filed.Body, StringComparison.Ordinal);
        Assert.StartsWith("case.filed:", filed.Headers!["Idempotency-Key"].Single(), StringComparison.Ordinal);
        Assert.Equal("WO-1001", Assert.Single(detail.Messages, m => m.ChannelId == "department-open311").ProviderId);

        // The crew's system reports back through ChannelBot's own Open311 server, with the ticket it was given.
        var before = twilio.ReceivedBy(phone.Number).Count;
        var (status, _) = await new Open311Client(http, Open311ServerTests.Key).PostAsync("/servicerequestupdates.json",
        [
            new("service_request_id", ticket), new("update_id", "WO-1001-1"), new("status", "FIXED"),
            new("updated_datetime", "2099-01-01T10:00:00Z"), new("description", "Patched by crew 4"),
        ]);
        var fixedText = await phone.WaitForTextAsync(before + 1);

        Assert.Equal(200, status);
        Assert.Contains("fixed", fixedText, StringComparison.Ordinal);
        Assert.Equal("fixed", (await StaffApi.GetCaseAsync(http, ticket)).Case.Status);
        Assert.Single(workOrders.LogEntries);
    }

    [Fact]
    public async Task A_case_the_work_order_system_refuses_shows_its_words_on_the_case_and_is_not_sent_again()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody("""[{"code":400,"description":"service_code POTHOLE-REPAIR is retired"}]"""));
        await using var app = ChannelBotApp.Start(storage, Settings(workOrders));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync();

        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Messages.Any(m => m.ChannelId == "department-open311" && m.Status == "failed");
        });
        var delivery = Assert.Single(detail!.Messages, m => m.ChannelId == "department-open311");
        Assert.Contains("service_code POTHOLE-REPAIR is retired", delivery.Error, StringComparison.Ordinal);
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(workOrders.LogEntries);
    }

    [Fact]
    public async Task A_work_order_system_that_is_down_gets_the_case_once_it_answers_again_with_the_same_key()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WillSetStateTo("still down")
            .RespondWith(Response.Create().WithStatusCode(503));
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WhenStateIs("still down").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(502));
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"token":"T-9"}]"""));
        await using var app = ChannelBotApp.Start(storage, Settings(workOrders));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync();
        var detail = await DeliveredAsync(http, ticket);

        var delivery = Assert.Single(detail.Messages, m => m.ChannelId == "department-open311");
        Assert.Equal("token:T-9", delivery.ProviderId);
        Assert.Equal(3, workOrders.LogEntries.Count());
        Assert.Single(workOrders.LogEntries.Select(e => e.RequestMessage.Headers!["Idempotency-Key"].Single()).Distinct());
    }

    private static async Task<CaseDetailDto> DeliveredAsync(HttpClient http, string ticket)
    {
        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Messages.Any(m => m.ChannelId == "department-open311" && m.Status == "sent");
        });
        return detail!;
    }

    private static Dictionary<string, string?> Settings(WireMockServer workOrders, Dictionary<string, string?>? start = null)
    {
        var settings = Open311ServerTests.Settings(start);
        var at = $"Departments:Open311:{Streets}";
        settings[$"{at}:Endpoint"] = workOrders.Url + "/open311/v2/";
        settings[$"{at}:ApiKey"] = TheirKey;
        settings[$"{at}:JurisdictionId"] = "streets.example";
        settings[$"{at}:ServiceCodes:PTHOLE"] = "POTHOLE-REPAIR";
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:MaxRetryDelay"] = "00:00:00.500";
        settings["Outbox:MaxAttempts"] = "10";
        return settings;
    }
}
