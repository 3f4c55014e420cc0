using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Conversations;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// Rules staff changes keep: a duplicate names its original, a department links only its own cases, a department role
/// without a department sees nothing, and any page number gets an answer.
/// </summary>
public sealed partial class StaffCaseRulesTests
{
    private const string StreetsKey = "streets-key-0123456789abcdef0123456789ab";

    [Fact]
    public async Task Closing_as_a_duplicate_through_the_status_endpoint_is_refused_without_the_original()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var ticket = await FileAsync(http, connector);

        using var response = await SendAsync(http, HttpMethod.Post, $"/api/cases/{ticket}/status", StaffApi.OperatorKey, new StatusChangeDto("closed", "duplicate", null, null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("needs the original", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("received", (await StaffApi.GetCaseAsync(http, ticket)).Case.Status);
    }

    [Fact]
    public async Task A_department_cannot_mark_its_case_a_duplicate_of_another_departments_case()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var streets = await FileAsync(http, connector);
        var lights = await FileAsync(http, connector);
        using (var moved = await SendAsync(http, HttpMethod.Post, $"/api/cases/{lights}/category", StaffApi.OperatorKey, new RecategoriseDto("STLIGHT", null, null)))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using var response = await SendAsync(http, HttpMethod.Post, $"/api/cases/{streets}/duplicate", StreetsKey, new DuplicateDto(lights, null, null, null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var unchanged = await StaffApi.GetCaseAsync(http, streets);
        Assert.Equal("received", unchanged.Case.Status);
        Assert.Null(unchanged.Case.DuplicateOf);
    }

    [Fact]
    public async Task A_department_person_whose_department_is_missing_sees_no_case()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var ticket = await FileAsync(http, connector);
        using var admin = await StaffPeople.AdminAsync(app, "admin@city.example");
        using var person = await StaffPeople.PersonAsync(admin, app, "dee@city.example", "department", "DPW-STREETS");

        // An account damaged outside the app: the department role, no department.
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.StaffAccounts.Where(a => a.Login == "dee@city.example").ExecuteUpdateAsync(set => set.SetProperty(a => a.Department, (string?)null)));
        }

        using var list = await person.GetAsync("/api/cases");
        using var one = await person.GetAsync($"/api/cases/{ticket}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty((await list.Content.ReadFromJsonAsync<CasePageDto>())!.Cases);
        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Any_page_number_gets_an_answer_never_a_500(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        await FileAsync(http, connector);

        using var far = await SendAsync(http, HttpMethod.Get, "/api/cases?page=2147483647&pageSize=200", StaffApi.OperatorKey);
        using var next = await SendAsync(http, HttpMethod.Get, "/api/cases?page=2&pageSize=1", StaffApi.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        var page = (await far.Content.ReadFromJsonAsync<CasePageDto>())!;
        Assert.Empty(page.Cases);
        Assert.Equal(1, page.Total);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>().WithOperator();
        settings["Staff:ApiKeys:1:Name"] = "Streets crew";
        settings["Staff:ApiKeys:1:Key"] = StreetsKey;
        settings["Staff:ApiKeys:1:Role"] = "department";
        settings["Staff:ApiKeys:1:Department"] = "DPW-STREETS";
        return settings;
    }

    private static async Task<string> FileAsync(HttpClient http, FakeConnector connector)
    {
        var resident = new EmulatorClient(http, connector, "rules-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        return Ticket().Match(await PotholeScript.FinishAsync(resident)).Value;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return await http.SendAsync(request);
    }

    [GeneratedRegex(@"311-\d{4}-\d{6}")]
    private static partial Regex Ticket();
}
