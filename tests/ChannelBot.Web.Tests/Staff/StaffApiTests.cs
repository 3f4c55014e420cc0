using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// The staff API on the real app: a resident files a pothole report through /api/messages, staff read and move
/// it, and the resident hears about it on their own channel (the fake Connector).
/// </summary>
public sealed partial class StaffApiTests : IAsyncLifetime
{
    private const string OperatorKey = "operator-key-0123456789abcdef0123456789";
    private const string StreetsKey = "streets-key-0123456789abcdef0123456789ab";
    private const string ParksKey = "parks-key-0123456789abcdef0123456789abcd";
    private const string ReaderKey = "reader-key-0123456789abcdef0123456789abc";

    private TestStorage _storage = null!;
    private FakeConnector _connector = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;
    private EmulatorClient _resident = null!;
    private string _ticket = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _connector = new FakeConnector();
        _app = ChannelBotApp.Start(_storage, new Dictionary<string, string?>
        {
            ["Staff:ApiKeys:0:Name"] = "Olga Operator",
            ["Staff:ApiKeys:0:Key"] = OperatorKey,
            ["Staff:ApiKeys:0:Role"] = "operator",
            ["Staff:ApiKeys:1:Name"] = "Streets crew",
            ["Staff:ApiKeys:1:Key"] = StreetsKey,
            ["Staff:ApiKeys:1:Role"] = "department",
            ["Staff:ApiKeys:1:Department"] = Department,
            ["Staff:ApiKeys:2:Name"] = "Parks",
            ["Staff:ApiKeys:2:Key"] = ParksKey,
            ["Staff:ApiKeys:2:Role"] = "department",
            ["Staff:ApiKeys:2:Department"] = "PARKS-ELSEWHERE",
            ["Staff:ApiKeys:3:Name"] = "Dashboard",
            ["Staff:ApiKeys:3:Key"] = ReaderKey,
            ["Staff:ApiKeys:3:Role"] = "reader",
        });
        _http = _app.CreateHttpClient();
        _resident = new EmulatorClient(_http, _connector, "staff-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(_resident);
        var receipt = await PotholeScript.FinishAsync(_resident);
        _ticket = Ticket().Match(receipt).Value;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _connector.Dispose();
        await _storage.DisposeAsync();
    }

    /// <summary>The department the catalog routes potholes to.</summary>
    private static string Department => "DPW-STREETS";

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_one_the_answer_is_401()
    {
        using var none = await _http.GetAsync("/api/cases");
        using var wrong = await SendAsync(HttpMethod.Get, "/api/cases", "not-a-key-0123456789abcdef0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task The_operator_finds_the_case_in_the_list_and_reads_it_whole()
    {
        var page = await GetAsync<CasePageDto>("/api/cases?status=received&q=main", OperatorKey);
        var listed = Assert.Single(page.Cases);
        Assert.Equal(_ticket, listed.Ticket);
        Assert.Equal("PTHOLE", listed.ServiceCode);

        var detail = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
        Assert.Equal("123 Main St", detail.Case.Address);
        Assert.Equal("received", Assert.Single(detail.History).To);
        Assert.NotEmpty(detail.Attributes);
    }

    [Fact]
    public async Task Filters_that_match_nothing_return_an_empty_page()
    {
        var page = await GetAsync<CasePageDto>("/api/cases?status=closed", OperatorKey);

        Assert.Empty(page.Cases);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task An_illegal_move_is_refused_with_422_and_changes_nothing()
    {
        using var response = await PostStatusAsync(OperatorKey, new StatusChangeDto("reopened", null, null, null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
        Assert.Equal("received", detail.Case.Status);
    }

    [Fact]
    public async Task A_change_based_on_an_old_version_gets_409()
    {
        var detail = await GetAsync<CaseDetailDto>($"/api/cases/{_ticket}", OperatorKey);
        using var first = await PostStatusAsync(OperatorKey, new StatusChangeDto("acknowledged", null, null, null, detail.Version));
        using var second = await PostStatusAsync(OperatorKey, new StatusChangeDto("scheduled", null, null, null, detail.Version));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task The_case_s_own_department_may_act_on_it()
    {
        using var response = await PostStatusAsync(StreetsKey, new StatusChangeDto("acknowledged", null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_department_gets_403_on_the_case_and_does_not_see_it_listed()
    {
        using var read = await SendAsync(HttpMethod.Get, $"/api/cases/{_ticket}", ParksKey);
        using var change = await PostStatusAsync(ParksKey, new StatusChangeDto("acknowledged", null, null, null, null));
        var page = await GetAsync<CasePageDto>("/api/cases", ParksKey);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Empty(page.Cases);
    }

    [Fact]
    public async Task A_reader_key_reads_but_cannot_change_status()
    {
        using var read = await SendAsync(HttpMethod.Get, $"/api/cases/{_ticket}", ReaderKey);
        using var change = await PostStatusAsync(ReaderKey, new StatusChangeDto("acknowledged", null, null, null, null));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_case_endpoints()
    {
        using var response = await _http.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/api/cases/{ticket}/status", document, StringComparison.Ordinal);
        Assert.Contains("ChangeCaseStatus", document, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostStatusAsync(string key, StatusChangeDto change) =>
        PostAsync($"/api/cases/{_ticket}/status", key, change);

    private async Task<HttpResponseMessage> PostAsync<T>(string path, string key, T body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return await _http.SendAsync(request);
    }

    private async Task<T> GetAsync<T>(string path, string key)
    {
        using var response = await SendAsync(HttpMethod.Get, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private Task<IReadOnlyList<ChannelBot.Schema.Activity>> WaitForSentAsync(int count) =>
        WaitForSentAsync(_resident.ConversationId, count);

    private async Task<IReadOnlyList<ChannelBot.Schema.Activity>> WaitForSentAsync(string conversationId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var sent = _connector.SentTo(conversationId);
            if (sent.Count >= count)
            {
                return sent;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The bot sent {sent.Count} of {count} messages.");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
