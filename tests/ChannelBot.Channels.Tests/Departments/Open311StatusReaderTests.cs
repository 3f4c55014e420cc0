using System.Net;
using ChannelBot.Application.Delivery;
using ChannelBot.Channels.Departments;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChannelBot.Channels.Tests.Departments;

/// <summary>
/// Reading a work-order system's status through plain GeoReport v2 requests (the servicerequestupdates way goes end to
/// end in the web tests): only the ids asked about, a stable update id per state, and answers that are not a list of
/// requests refused instead of trusted.
/// </summary>
public sealed class Open311StatusReaderTests
{
    private static readonly DateTimeOffset From = new(2026, 6, 17, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Plain_requests_give_one_change_per_state_for_the_ids_asked_about_oldest_first()
    {
        using var system = WireMockServer.Start();
        system.Given(Request.Create().WithPath("/v2/requests.json").UsingGet()).RespondWith(Response.Create().WithBody("""
            [
              {"service_request_id": "WO-2", "status": "closed", "status_notes": "Filled", "updated_datetime": "2026-06-17T15:00:00-04:00"},
              {"service_request_id": "WO-1", "status": "open", "updated_datetime": "2026-06-17T09:00:00Z"},
              {"service_request_id": "WO-OTHER", "status": "closed", "updated_datetime": "2026-06-17T10:00:00Z"},
              {"service_request_id": "WO-3"},
              "not an object"
            ]
            """));

        var read = await Reader().ReadAsync(Configured(system, DepartmentOpen311.UpdatesByRequests), From, From.AddDays(1), ["WO-1", "WO-2", "WO-3"], CancellationToken.None);
        var again = await Reader().ReadAsync(Configured(system, DepartmentOpen311.UpdatesByRequests), From, From.AddDays(1), ["WO-1", "WO-2", "WO-3"], CancellationToken.None);

        Assert.Equal(["WO-1", "WO-2"], read.Select(u => u.ServiceRequestId));
        Assert.Equal("closed", read[1].Status);
        Assert.Equal("Filled", read[1].Description);
        Assert.Equal(new DateTimeOffset(2026, 6, 17, 19, 0, 0, TimeSpan.Zero), read[1].UpdatedAt);
        Assert.Equal(read.Select(u => u.UpdateId), again.Select(u => u.UpdateId));
        Assert.All(read, u => Assert.Matches(@"^[\w-]+$", u.UpdateId));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(system.LogEntries.First().RequestMessage.Url).Query);
        Assert.Equal("WO-1,WO-2,WO-3", query["service_request_id"]);
        Assert.Equal("key", query["api_key"]);
    }

    [Theory]
    [InlineData(200, "<html>busy</html>")]
    [InlineData(200, """{"service_requests": "none"}""")]
    [InlineData(500, "[]")]
    [InlineData(401, """[{"code":401,"description":"bad key"}]""")]
    public async Task An_answer_that_is_not_a_list_of_requests_is_an_error_not_an_empty_read(int status, string body)
    {
        using var system = WireMockServer.Start();
        system.Given(Request.Create().WithPath("/v2/requests.json").UsingGet()).RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

        await Assert.ThrowsAsync<HttpRequestException>(() => Reader().ReadAsync(Configured(system, DepartmentOpen311.UpdatesByRequests), From, From.AddDays(1), ["WO-1"], CancellationToken.None));
    }

    [Fact]
    public async Task Nothing_to_ask_about_asks_nothing()
    {
        using var system = WireMockServer.Start();

        var read = await Reader().ReadAsync(Configured(system, DepartmentOpen311.UpdatesByRequests), From, From.AddDays(1), [], CancellationToken.None);

        Assert.Empty(read);
        Assert.Empty(system.LogEntries);
    }

    private static DepartmentOpen311 Configured(WireMockServer server, string updates) =>
        new() { Endpoint = new Uri(server.Url + "/v2/"), ApiKey = "key", Updates = updates };

    private static Open311StatusReader Reader() => new(new OneClient(), new DepartmentOptions());

    private sealed class OneClient : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    private sealed class DepartmentOptions : IOptionsMonitor<DepartmentDeliveryOptions>
    {
        public DepartmentDeliveryOptions CurrentValue { get; } = new();

        public DepartmentDeliveryOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<DepartmentDeliveryOptions, string?> listener) => null;
    }
}
