using ChannelBot.Application.Delivery;
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
public sealed partial class DepartmentOpen311Tests
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

        var filed = Assert.Single(Filings(workOrders));
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
        Assert.Single(Filings(workOrders));
    }

    [Fact]
    public async Task A_city_app_s_request_is_filed_once_in_the_work_order_system_and_its_FIXED_reaches_the_reporter_by_SMS()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""[{"service_request_id":"WO-2002"}]"""));
        await using var app = ChannelBotApp.Start(storage, Settings(workOrders, twilio.Settings));
        using var http = app.CreateHttpClient();
        var cityApp = new Open311Client(http, Open311ServerTests.Key);

        // A city app files for a resident who left a phone number (updates by SMS).
        var ticket = await cityApp.FilePotholeAsync(more: [new("phone", "(413) 555-0177"), new("description", "Deep hole by the bus stop")]);
        var detail = await DeliveredAsync(http, ticket);

        var filed = Assert.Single(Filings(workOrders));
        Assert.Contains(ticket, System.Web.HttpUtility.ParseQueryString(filed.Body!)["description"], StringComparison.Ordinal);
        Assert.DoesNotContain("555-0177", filed.Body, StringComparison.Ordinal);
        Assert.Equal("WO-2002", Assert.Single(detail.Messages, m => m.ChannelId == "department-open311").ProviderId);

        var before = twilio.ReceivedBy("+14135550177").Count;
        var (status, _) = await cityApp.PostAsync("/servicerequestupdates.json",
        [
            new("service_request_id", ticket), new("update_id", "WO-2002-1"), new("status", "FIXED"),
            new("updated_datetime", "2099-01-01T10:00:00Z"), new("description", "Patched by crew 2"),
        ]);
        Assert.Equal(200, status);
        await Eventually.HoldsAsync(() => twilio.ReceivedBy("+14135550177").Count > before);

        Assert.Contains("fixed", twilio.ReceivedBy("+14135550177")[^1], StringComparison.Ordinal);
        Assert.Equal("fixed", (await StaffApi.GetCaseAsync(http, ticket)).Case.Status);
        Assert.Single(Filings(workOrders));
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
        Assert.Single(Filings(workOrders));
    }

    [Fact]
    public async Task A_work_order_system_that_is_down_gets_the_case_once_it_answers_again_with_the_same_key_and_its_token_becomes_its_id()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WillSetStateTo("still down")
            .RespondWith(Response.Create().WithStatusCode(503));
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WhenStateIs("still down").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(502));
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost()).InScenario("down").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"token":"T-9"}]"""));
        workOrders.Given(Request.Create().WithPath("/open311/v2/tokens/T-9.json").UsingGet()).InScenario("filing").WillSetStateTo("filed")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"token":"T-9"}]"""));
        workOrders.Given(Request.Create().WithPath("/open311/v2/tokens/T-9.json").UsingGet()).InScenario("filing").WhenStateIs("filed")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"token":"T-9","service_request_id":"WO-4004"}]"""));
        var settings = Settings(workOrders, updates: DepartmentOpen311.UpdatesByServiceRequestUpdates);
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync();
        var detail = await DeliveredAsync(http, ticket);

        Assert.Equal(3, Filings(workOrders).Count);
        Assert.Single(Filings(workOrders).Select(r => r.Headers!["Idempotency-Key"].Single()).Distinct());

        // It answered a token: the next reads ask what the token became, and keep the request's id once there is one.
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return Assert.Single(detail.Messages, m => m.ChannelId == "department-open311").ProviderId == "WO-4004";
        });
        Assert.True(workOrders.LogEntries.Count(e => e.RequestMessage.Path.EndsWith("/tokens/T-9.json", StringComparison.Ordinal)) >= 2);
    }

    /// <summary>A plain GeoReport v2 <c>GET requests</c> answer about WO-5005 (every key, as the spec lists them).</summary>
    private static string PlainRequest(string status, string updated) => $$"""
        [{"service_request_id": "WO-5005", "status": "{{status}}", "status_notes": "{{(status == "closed" ? "Case closed by crew 4" : "")}}", "service_name": "Pothole repair",
          "service_code": "POTHOLE-REPAIR", "description": "", "agency_responsible": "Streets", "service_notice": "", "requested_datetime": "2099-01-01T09:00:00Z",
          "updated_datetime": "{{updated}}", "expected_datetime": "", "address": "1250 N Main St", "address_id": "", "zipcode": "01107", "lat": 42.113504, "long": -72.589855, "media_url": ""}]
        """;

    private static List<WireMock.IRequestMessage> Filings(WireMockServer workOrders) =>
        [.. workOrders.LogEntries.Select(e => e.RequestMessage).Where(r => r.Method == "POST")];

    private static int Reads(WireMockServer workOrders) => workOrders.LogEntries.Count(e => e.RequestMessage.Method == "GET");

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

    /// <summary>
    /// The department's Open311 system at <paramref name="workOrders"/>, read for status every second the way
    /// <paramref name="updates"/> says (not at all unless a test is about reading), and the outbox's tries and delays.
    /// </summary>
    private static Dictionary<string, string?> Settings(WireMockServer workOrders, Dictionary<string, string?>? start = null, string updates = DepartmentOpen311.UpdatesNone)
    {
        var settings = Open311ServerTests.Settings(start);
        var at = $"Departments:Open311:{Streets}";
        settings[$"{at}:Updates"] = updates;
        settings[$"{at}:PollInterval"] = "00:00:01";
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
