using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChannelBot.Web.Tests.Staff.AnalyticsCases;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>
/// <c>/api/staff/analytics</c> on the real app, its clock stopped at Wednesday 17 June 2026, 12:00 in the city
/// (America/New_York): cases filed with known times give exact counts, medians, 90th percentiles, target shares,
/// backlog buckets and reopen rate, on SQLite and PostgreSQL alike; supervisors (admins, operators) only.
/// </summary>
public sealed class StaffAnalyticsTests
{
    private static readonly DateTimeOffset Now = PinnedClock.Default;

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Seeded_cases_give_exact_counts_times_targets_backlog_and_reopen_rate(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = Start(storage);
        await SeedAsync(app.Services);
        using var http = app.CreateHttpClient();

        var figures = await GetAsync(http, "/api/staff/analytics");

        // The last 30 days, today included, in the city's time zone.
        Assert.Equal("2026-05-19", figures.From);
        Assert.Equal("2026-06-17", figures.To);
        Assert.Equal("America/New_York", figures.TimeZone);
        Assert.Equal(9, figures.TotalCases);
        Assert.Equal([("PTHOLE", "Pothole", 6), ("GRAFFITI", figures.ByService[1].Name, 1), ("STLIGHT", figures.ByService[2].Name, 1), ("TRFSIG", figures.ByService[3].Name, 1)],
            figures.ByService.Select(c => (c.Code!, c.Name, c.Count)));
        Assert.Equal([("DPW-STREETS", 6), ("DOT-SIGNALS", 1), ("DPW-GRAFFITI", 1), ("STREET-LIGHTING", 1)], figures.ByDepartment.Select(c => (c.Code!, c.Count)));
        Assert.Equal([("Ward 1", 4), (null, 2), ("Ward 2", 2), ("Ward 3", 1)], figures.ByArea.Select(c => (c.Code, c.Count)));
        Assert.Equal("(no area)", figures.ByArea.Single(c => c.Code is null).Name);
        Assert.Equal([("sms", 6), ("directline", 2), ("whatsapp", 1)], figures.ByChannel.Select(c => (c.Code!, c.Count)));

        var potholes = figures.Times.Single(t => t.ServiceCode == "PTHOLE");
        Assert.Equal(5, potholes.Cases);                   // the duplicate left out
        Assert.Equal(4, potholes.Acknowledged);            // 2, 4, 6, 8 hours (the assignment before the first is not an answer)
        Assert.Equal(5, potholes.AcknowledgeMedianHours);
        Assert.Equal(7.4, potholes.AcknowledgeP90Hours);
        Assert.Equal(3, potholes.Resolved);                // 10, 20 (first fix, reopened later), 80 hours
        Assert.Equal(20, potholes.ResolveMedianHours);
        Assert.Equal(68, potholes.ResolveP90Hours);
        Assert.Equal(4, potholes.WithTarget);              // the one not yet due is not judged
        Assert.Equal(2, potholes.MetTarget);               // fixed late and open past due both missed
        Assert.Equal(0.5, potholes.TargetShare);

        var graffiti = figures.Times.Single(t => t.ServiceCode == "GRAFFITI");
        Assert.Equal((1, 1.0, 1.0, 1, 1.0, 1.0), (graffiti.Acknowledged, graffiti.AcknowledgeMedianHours, graffiti.AcknowledgeP90Hours, graffiti.Resolved, graffiti.ResolveMedianHours, graffiti.ResolveP90Hours));
        Assert.Equal((0, 0, (double?)null), (graffiti.WithTarget, graffiti.MetTarget, graffiti.TargetShare));   // no due time
        var lights = figures.Times.Single(t => t.ServiceCode == "STLIGHT");
        Assert.Equal((0, (double?)null, (double?)null), (lights.Acknowledged, lights.AcknowledgeMedianHours, lights.AcknowledgeP90Hours));
        Assert.Equal((1, 0, (double?)0), (lights.WithTarget, lights.MetTarget, lights.TargetShare));

        Assert.Equal([("0-2 d", 2), ("3-7 d", 2), ("8-30 d", 2), (">30 d", 1)], figures.Backlog.Select(b => (b.Bucket, b.Count)));
        Assert.Equal(new ReopensDto(Resolved: 4, Reopened: 2, ReopenedByResidents: 1, Rate: 0.5), figures.Reopens);
        Assert.Contains(figures.Notes, n => n.Contains("Is it fixed?", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_chosen_period_counts_only_the_cases_filed_on_its_days_in_the_citys_time_zone(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = Start(storage);
        var eastern = TimeSpan.FromHours(-4);
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", new DateTimeOffset(2026, 6, 9, 23, 59, 0, eastern));   // the day before
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", new DateTimeOffset(2026, 6, 10, 0, 0, 0, eastern));    // first instant
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", new DateTimeOffset(2026, 6, 12, 23, 59, 0, eastern));  // last day
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", new DateTimeOffset(2026, 6, 13, 0, 0, 0, eastern));    // the day after
        using var http = app.CreateHttpClient();

        var figures = await GetAsync(http, "/api/staff/analytics?from=2026-06-10&to=2026-06-12");

        Assert.Equal(("2026-06-10", "2026-06-12", 2), (figures.From, figures.To, figures.TotalCases));
        Assert.Equal([("PTHOLE", 2)], figures.ByService.Select(c => (c.Code!, c.Count)));
    }

    [Theory]
    [InlineData("from=2026-06-20&to=2026-06-10")]
    [InlineData("from=yesterday")]
    [InlineData("to=2026-13-01")]
    [InlineData("from=2025-01-01&to=2026-06-17")]
    public async Task A_bad_period_gets_a_problem_document_not_an_error(string query)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = Start(storage);
        using var http = app.CreateHttpClient();

        using var json = await SendAsync(http, "/api/staff/analytics?" + query);
        using var csv = await SendAsync(http, "/api/staff/analytics/services.csv?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Fact]
    public async Task Each_table_comes_as_csv_with_quotes_escaped_and_formulas_neutralised()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = Start(storage);
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", Now.AddHours(-5), area: "=HYPERLINK(\"http://evil.example\")");
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", Now.AddHours(-4), area: "Ward \"North\", East");
        await FileAsync(app.Services, "PTHOLE", "DPW-STREETS", Now.AddHours(-3), area: "@SUM(A1)", channel: "-2+3");
        using var http = app.CreateHttpClient();

        using var areas = await SendAsync(http, "/api/staff/analytics/areas.csv");
        using var channels = await SendAsync(http, "/api/staff/analytics/channels.csv");
        using var times = await SendAsync(http, "/api/staff/analytics/times.csv?from=2026-06-01&to=2026-06-17");
        using var unknown = await SendAsync(http, "/api/staff/analytics/secrets.csv");

        Assert.Equal(HttpStatusCode.OK, areas.StatusCode);
        Assert.Equal("text/csv", areas.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", areas.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("analytics-areas-2026-05-19-to-2026-06-17.csv", areas.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var areaLines = (await areas.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("area_code,area,cases", areaLines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\",\"'=HYPERLINK(\"\"http://evil.example\"\")\",1", areaLines);
        Assert.Contains("\"Ward \"\"North\"\", East\",\"Ward \"\"North\"\", East\",1", areaLines);
        Assert.Contains("'@SUM(A1),'@SUM(A1),1", areaLines);
        Assert.Equal(string.Empty, areaLines[^1]);   // every line ends with CRLF
        Assert.Contains("'-2+3,'-2+3,1", (await channels.Content.ReadAsStringAsync()).Split("\r\n"));
        var timeLines = (await times.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("service_code,service,cases,acknowledged,acknowledge_median_hours,acknowledge_p90_hours,resolved,resolve_median_hours,resolve_p90_hours,with_target,met_target,target_share", timeLines[0]);
        Assert.Equal("PTHOLE,Pothole,3,0,,,0,,,0,0,", timeLines[1]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("x", "x")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("a=b", "a=b")]
    public void A_csv_cell_is_quoted_when_it_must_be_and_never_starts_a_formula(string? value, string written) =>
        Assert.Equal(written, AnalyticsCsv.Cell(value));

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task Only_supervisors_see_the_figures_anonymous_gets_401_and_other_roles_403(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var app = Start(storage);
        using var http = app.CreateHttpClient();
        using var admin = await StaffPeople.AdminAsync(app);
        using var operatorPerson = await StaffPeople.PersonAsync(admin, app, "olga.analytics@city.example", "operator");
        using var reader = await StaffPeople.PersonAsync(admin, app, "rita.analytics@city.example", "reader");
        using var streets = await StaffPeople.PersonAsync(admin, app, "sol.analytics@city.example", "department", "DPW-STREETS");

        foreach (var path in new[] { "/api/staff/analytics", "/api/staff/analytics/backlog.csv" })
        {
            using var anonymous = await http.GetAsync(path);
            using var readerAnswer = await reader.GetAsync(path);
            using var departmentAnswer = await streets.GetAsync(path);
            using var operatorAnswer = await operatorPerson.GetAsync(path);
            using var adminAnswer = await admin.GetAsync(path);
            using var operatorKey = await SendAsync(http, path);

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, readerAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, departmentAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, operatorAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, adminAnswer.StatusCode);
            Assert.Equal(HttpStatusCode.OK, operatorKey.StatusCode);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_analytics_endpoints()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = Start(storage);
        using var http = app.CreateHttpClient();

        var document = await http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/staff/analytics/{table}.csv", document, StringComparison.Ordinal);
        Assert.Contains("GetStaffAnalytics", document, StringComparison.Ordinal);
    }

    /// <summary>
    /// Nine cases filed in the last 30 days and two before; times are hours after filing. Due times are set directly
    /// (the catalog's sla would give the same kind of value).
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services)
    {
        var p1 = await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-100), "Ward 1", "sms", 72,
            At(1, Assign), At(2, Acknowledge), At(10, Fix), At(12, Close));
        await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-200), "Ward 1", "sms", 72,
            At(4, Acknowledge), At(80, Fix));
        await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-150), "Ward 2", "whatsapp", 72,
            At(6, Acknowledge), At(7, StartWork));                                          // open past due: missed
        await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-10), null, "directline", 72);   // not due yet
        await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-300), "Ward 1", "sms", 72,
            At(8, Acknowledge), At(20, Fix), At(30, ReopenByResident), At(40, Fix));
        await FileAsync(services, "GRAFFITI", "DPW-GRAFFITI", Now.AddHours(-50), "Ward 2", "sms", null,
            At(1, Close), At(5, ReopenByStaff));                                            // closed at once, reopened: open
        await FileAsync(services, "PTHOLE", "DPW-STREETS", Now.AddHours(-20), "Ward 1", "sms", 72,
            At(0, (c, at) => c.MarkDuplicateOf(p1, CaseActors.Resident, at)));
        await FileAsync(services, "STLIGHT", "STREET-LIGHTING", new DateTimeOffset(2026, 5, 19, 0, 0, 0, TimeSpan.FromHours(-4)), "Ward 3", "sms", 240);
        await FileAsync(services, "TRFSIG", "DOT-SIGNALS", Now.AddHours(-72), null, "directline", null,
            At(1, Acknowledge));                                                            // exactly 3 days old

        // Before the period: only in the backlog.
        await FileAsync(services, "PTHOLE", "DPW-STREETS", new DateTimeOffset(2026, 5, 18, 23, 0, 0, TimeSpan.FromHours(-4)), "Ward 9", "sms", 72);
        await FileAsync(services, "STLIGHT", "STREET-LIGHTING", Now.AddDays(-40), "Ward 9", "sms", 240);
    }

    private static ChannelBotApp Start(TestStorage storage) => ChannelBotApp.Start(
        storage,
        new Dictionary<string, string?>().WithOperator(),
        services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    private static async Task<AnalyticsDto> GetAsync(HttpClient http, string path)
    {
        using var response = await SendAsync(http, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnalyticsDto>())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        return await http.SendAsync(request);
    }
}
