using ChannelBot.Application.Delivery;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Open311;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Web.Tests.Delivery;

/// <summary>Statuses read from the work-order system: each reaches the resident once, a plain system is read by its requests, an unreadable one is shown on its cases.</summary>
public sealed partial class DepartmentOpen311Tests
{
    [Fact]
    public async Task Status_read_from_the_work_order_system_reaches_the_resident_once_however_often_it_is_read_and_in_whatever_order()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"service_request_id":"WO-2002"}]"""));
        // Listed newest first, with a change from before the case was filed and one for a request that is not ours.
        workOrders.Given(Request.Create().WithPath("/open311/v2/servicerequestupdates.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""
                {"service_request_updates": [
                  {"update_id": "U2", "service_request_id": "WO-2002", "status": "FIXED", "updated_datetime": "2099-01-01T11:00:00Z", "description": "Patched by crew 4"},
                  {"update_id": "U1", "service_request_id": "WO-2002", "status": "IN_PROGRESS", "updated_datetime": "2099-01-01T10:00:00Z", "description": "Crew on site"},
                  {"update_id": "U0", "service_request_id": "WO-2002", "status": "NOT_COUNCILS_RESPONSIBILITY", "updated_datetime": "2001-01-01T00:00:00Z", "description": "stale"},
                  {"update_id": "U9", "service_request_id": "WO-9999", "status": "FIXED", "updated_datetime": "2099-01-01T09:00:00Z", "description": "someone else's"}
                ]}
                """));
        var settings = Settings(workOrders, twilio.Settings, DepartmentOpen311.UpdatesByServiceRequestUpdates);
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550192");

        var ticket = await SmsScript.ReportPotholeAsync(phone);
        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.Case.Status == "fixed";
        });
        var reads = Reads(workOrders);
        await Eventually.HoldsAsync(() => Reads(workOrders) >= reads + 2);
        detail = await StaffApi.GetCaseAsync(http, ticket);

        var byTheSystem = detail.History.Where(h => h.By == $"{Streets} work orders").ToList();
        Assert.Equal(["in_progress", "fixed"], byTheSystem.Select(h => h.To));
        Assert.Equal("Patched by crew 4", byTheSystem[^1].PublicNote);
        Assert.Single(detail.Messages, m => m.Text?.Contains("marked it fixed", StringComparison.Ordinal) == true);
        Assert.Single(twilio.ReceivedBy(phone.Number), text => text.Contains("marked it fixed", StringComparison.Ordinal));
        Assert.NotNull(detail.DepartmentSync?.LastSyncedAt);
        Assert.Null(detail.DepartmentSync!.LastError);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(workOrders.LogEntries.Last(e => e.RequestMessage.Method == "GET").RequestMessage.Url).Query);
        Assert.Equal(TheirKey, query["api_key"]);
        Assert.Equal("streets.example", query["jurisdiction_id"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", query["start_date"]);
    }

    [Fact]
    public async Task A_plain_work_order_system_read_by_its_requests_closes_the_case_and_the_resident_hears_each_status_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("""[{"service_request_id":"WO-5005"}]"""));
        // Its GET requests answers our id's state: in progress at two reads in a row (the same state seen twice), then closed.
        var ours = Request.Create().WithPath("/open311/v2/requests.json").UsingGet().WithParam("service_request_id", "WO-5005");
        workOrders.Given(ours).InScenario("crew").WillSetStateTo("seen once")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PlainRequest("in_progress", "2099-01-01T10:00:00Z")));
        workOrders.Given(ours).InScenario("crew").WhenStateIs("seen once").WillSetStateTo("seen twice")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PlainRequest("in_progress", "2099-01-01T10:00:00Z")));
        workOrders.Given(ours).InScenario("crew").WhenStateIs("seen twice")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(PlainRequest("closed", "2099-01-01T11:00:00Z")));
        await using var app = ChannelBotApp.Start(storage, Settings(workOrders, twilio.Settings, DepartmentOpen311.UpdatesByRequests));
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550193");

        var ticket = await SmsScript.ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(phone.Number).Count;
        var closedText = await phone.WaitForTextAsync(before + 2);
        var detail = await StaffApi.GetCaseAsync(http, ticket);

        Assert.Equal("closed", detail.Case.Status);
        var byTheSystem = detail.History.Where(h => h.By == $"{Streets} work orders").ToList();
        Assert.Equal(["in_progress", "closed"], byTheSystem.Select(h => h.To));
        Assert.Equal("Case closed by crew 4", byTheSystem[^1].PublicNote);
        var heard = twilio.ReceivedBy(phone.Number).Skip(before).ToList();
        Assert.Equal(2, heard.Count);
        Assert.Contains("working on it", heard[0], StringComparison.Ordinal);
        Assert.Contains(ticket, closedText, StringComparison.Ordinal);
        Assert.Contains("closed", closedText, StringComparison.Ordinal);
        Assert.Equal(3, workOrders.LogEntries.Count(e => e.RequestMessage.Method == "GET"));
        Assert.Equal("WO-5005", Assert.Single(detail.Messages, m => m.ChannelId == "department-open311").ProviderId);
        Assert.Null(detail.DepartmentSync!.LastError);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(workOrders.LogEntries.Last(e => e.RequestMessage.Method == "GET").RequestMessage.Url).Query);
        Assert.Equal(TheirKey, query["api_key"]);
        Assert.Equal("streets.example", query["jurisdiction_id"]);
    }

    [Fact]
    public async Task A_work_order_system_that_cannot_be_read_is_shown_on_its_cases()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var workOrders = WireMockServer.Start();
        workOrders.Given(Request.Create().WithPath("/open311/v2/requests.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""[{"service_request_id":"WO-3003"}]"""));
        workOrders.Given(Request.Create().WithPath("/open311/v2/servicerequestupdates.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403).WithBody("""[{"code":403,"description":"api_key revoked"}]"""));
        var settings = Settings(workOrders, updates: DepartmentOpen311.UpdatesByServiceRequestUpdates);
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync();

        CaseDetailDto? detail = null;
        await Eventually.HoldsAsync(async () =>
        {
            detail = await StaffApi.GetCaseAsync(http, ticket);
            return detail.DepartmentSync?.LastError is not null;
        });
        Assert.Contains("403: api_key revoked", detail!.DepartmentSync!.LastError, StringComparison.Ordinal);
        Assert.Null(detail.DepartmentSync.LastSyncedAt);
        Assert.Equal("received", detail.Case.Status);
    }
}
