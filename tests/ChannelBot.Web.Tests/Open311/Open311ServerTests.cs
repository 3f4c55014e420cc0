using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>
/// The GeoReport v2 server through the real app: discovery, services and definitions from the catalog, a city app
/// filing a request (checked like an intake, placed on the sample city's map, routed, answered with its id), reading
/// it back without anything personal, the error matrix, and a work-order system posting FIXED, which the resident who
/// reported by SMS hears at the fake Twilio, once, however often the update is posted.
/// </summary>
public sealed partial class Open311ServerTests
{
    internal const string Key = "open311-key-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Discovery_services_and_a_definition_come_from_the_catalog_in_JSON_and_XML()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Key);

        var (_, discovery) = await client.GetJsonAsync("/discovery.json");
        var (_, services) = await client.GetJsonAsync("/services.json");
        var (_, definition) = await client.GetJsonAsync("/services/PTHOLE.json");
        var (xmlStatus, servicesXml, contentType) = await client.GetXmlAsync("/services.xml");

        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        Assert.Matches(@"/open311/v2$", discovery.GetProperty("endpoints")[0].GetProperty("url").GetString());
        var pothole = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "PTHOLE");
        Assert.Equal("Pothole", pothole.GetProperty("service_name").GetString());
        Assert.True(pothole.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", pothole.GetProperty("type").GetString());
        var where = definition.GetProperty("attributes")[0];
        Assert.Equal("WHERE_IN_ROAD", where.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", where.GetProperty("datatype").GetString());
        Assert.True(where.GetProperty("required").GetBoolean());
        Assert.Contains(where.GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "traffic-lane");
        Assert.Equal(200, xmlStatus);
        Assert.StartsWith("text/xml", contentType, StringComparison.Ordinal);
        Assert.Equal("services", servicesXml.Root!.Name.LocalName);
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            servicesXml.Root.Elements("service").First().Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task A_city_app_files_a_request_on_the_map_and_reads_it_back_with_nothing_personal()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Key);

        var (status, filed) = await client.PostAsync("/requests.json",
        [
            new("service_code", "PTHOLE"), new("address_string", "1250 N Main St, Springfield"), new("attribute[WHERE_IN_ROAD]", "curb"),
            new("attribute[HAZARDS][]", "deep"), new("attribute[HAZARDS][]", "swerving"), new("description", "Secret words about my neighbour"),
            new("email", "pat@example.com"), new("phone", "(413) 555-0180"), new("first_name", "Pat"), new("last_name", "Resident"),
        ]);
        var id = filed[0].GetProperty("service_request_id").GetString()!;
        var (_, one) = await client.GetJsonAsync($"/requests/{id}.json");
        var (_, list) = await client.GetJsonAsync("/requests.json?service_code=PTHOLE&status=open");
        var (_, xml, _) = await client.GetXmlAsync($"/requests/{id}.xml");
        var saved = Assert.Single(await CaseRows.AllAsync(app.Services));

        Assert.Equal(200, status);
        Assert.Matches(@"^311-\d{4}-\d{6}$", id);
        Assert.False(string.IsNullOrEmpty(filed[0].GetProperty("service_notice").GetString()));
        var request = one[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("1250 N Main St", request.GetProperty("address").GetString());
        Assert.Equal(42.113504, request.GetProperty("lat").GetDouble(), 5);
        Assert.Equal("01107", request.GetProperty("zipcode").GetString());
        Assert.Matches(StrictDate(), request.GetProperty("requested_datetime").GetString());
        Assert.Equal(string.Empty, request.GetProperty("description").GetString());
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        foreach (var secret in new[] { "pat@example.com", "555", "Pat", "Secret words" })
        {
            Assert.DoesNotContain(secret, one.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, xml.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(["deep", "swerving"], saved.Attributes.Single(a => a.Code == "HAZARDS").Values);
        Assert.Equal("+14135550180", saved.Reporter.Phone);
        Assert.Equal("pat@example.com", saved.Reporter.Email);
        Assert.Equal("email", saved.UpdateChannel);
        Assert.True(saved.ConsentToUpdates);
        Assert.NotNull(saved.Location.Area);
    }

    [Theory]
    [InlineData("/requests.json", "service_code=NOPE&lat=42.11&long=-72.59", true, 404)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.11&long=-72.59&attribute[WHERE_IN_ROAD]=curb", false, 403)]
    [InlineData("/requests.json", "service_code=PTHOLE&attribute[WHERE_IN_ROAD]=curb", true, 400)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.11&attribute[WHERE_IN_ROAD]=curb", true, 400)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.11&long=-72.59", true, 400)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.11&long=-72.59&attribute[WHERE_IN_ROAD]=moon", true, 400)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.11&long=-72.59&attribute[WHERE_IN_ROAD]=curb&jurisdiction_id=elsewhere.example", true, 404)]
    [InlineData("/requests.json", "service_code=PTHOLE&lat=42.07&long=-72.58&attribute[WHERE_IN_ROAD]=curb", true, 400)]
    [InlineData("/servicerequestupdates.json", "service_request_id=311-2026-999999&update_id=u1&status=FIXED&updated_datetime=2026-06-17T12:00:00Z&description=x", true, 404)]
    [InlineData("/servicerequestupdates.json", "service_request_id=311-2026-999999&update_id=u1&status=DONE&updated_datetime=2026-06-17T12:00:00Z&description=x", true, 400)]
    [InlineData("/servicerequestupdates.json", "service_request_id=311-2026-999999&update_id=u1&status=FIXED&description=x", true, 400)]
    public async Task Posts_that_cannot_be_taken_get_the_spec_s_error_codes(string path, string form, bool withKey, int expected)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var fields = form.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));

        var (status, body) = await new Open311Client(http, Key).PostAsync(path, fields, withKey);

        Assert.Equal(expected, status);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), body[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body[0].GetProperty("description").GetString()));
        Assert.Empty(await CaseRows.AllAsync(app.Services));
    }

    [Theory]
    [InlineData("/requests/311-2026-999999.json", 404)]
    [InlineData("/requests/not-a-ticket.json", 404)]
    [InlineData("/services/NOPE.json", 404)]
    [InlineData("/tokens/nope.json", 404)]
    [InlineData("/requests.json?start_date=yesterday", 400)]
    [InlineData("/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400)]
    [InlineData("/requests.json?status=pending", 400)]
    [InlineData("/requests.json?jurisdiction_id=elsewhere.example", 404)]
    [InlineData("/requests.csv", 404)]
    [InlineData("/servicerequestupdates.json?start_date=2026-12-01", 400)]
    public async Task Gets_that_cannot_be_answered_get_the_spec_s_error_codes(string path, int expected)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync(Open311Client.Base + path);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("<errors>", path.EndsWith(".csv", StringComparison.Ordinal) ? await response.Content.ReadAsStringAsync() : "<errors>", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_work_order_system_posts_FIXED_and_the_resident_who_texted_hears_it_once()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var settings = Settings(twilio.Settings);
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550190");
        var ticket = await SmsScript.ReportPotholeAsync(phone);
        var before = twilio.ReceivedBy(phone.Number).Count;
        var client = new Open311Client(http, Key);
        KeyValuePair<string, string>[] fixedUpdate =
        [
            new("service_request_id", ticket), new("update_id", "WO-77-1"), new("status", "FIXED"),
            new("updated_datetime", "2099-01-01T10:00:00Z"), new("description", "Patched by crew 4"),
        ];

        var (status, answer) = await client.PostAsync("/servicerequestupdates.json", fixedUpdate);
        var fixedText = await phone.WaitForTextAsync(before + 1);
        var (again, _) = await client.PostAsync("/servicerequestupdates.json", fixedUpdate);
        var (_, updates) = await client.GetJsonAsync("/servicerequestupdates.json");
        var detail = await StaffApi.GetCaseAsync(http, ticket);

        Assert.Equal(200, status);
        Assert.Equal("WO-77-1", answer[0].GetProperty("update_id").GetString());
        Assert.Contains("fixed", fixedText, StringComparison.Ordinal);
        Assert.Equal(200, again);
        Assert.Equal("fixed", detail.Case.Status);
        Assert.Equal("Patched by crew 4", detail.History[^1].PublicNote);
        Assert.Equal("Open311 work orders", detail.History[^1].By);
        var update = updates.EnumerateArray().Single(u => u.GetProperty("service_request_id").GetString() == ticket);
        Assert.Equal("FIXED", update.GetProperty("status").GetString());
        Assert.Matches(StrictDate(), update.GetProperty("updated_datetime").GetString());
        Assert.Matches(@"^[\w-]+$", update.GetProperty("update_id").GetString());
        // The second post changed nothing: one change by the work-order system, one message about it (the outbox
        // rows are written with the change, so a second one would already be on the case).
        Assert.Single(detail.History, h => h.By == "Open311 work orders");
        Assert.Single(detail.Messages, m => m.Text?.Contains("marked it fixed", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_open_request_of_the_same_service_nearby_is_followed_instead_of_filed_twice()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings());
        using var http = app.CreateHttpClient();
        var client = new Open311Client(http, Key);

        var first = await client.FilePotholeAsync();
        var (_, second) = await client.PostAsync("/requests.json",
            [new("service_code", "PTHOLE"), new("lat", "42.113656"), new("long", "-72.589855"), new("attribute[WHERE_IN_ROAD]", "curb"), new("email", "lee@example.com")]);

        Assert.Contains(first, second[0].GetProperty("service_notice").GetString(), StringComparison.Ordinal);
        var follower = Assert.Single(await CaseRows.AllAsync(app.Services), c => c.Ticket.ToString() != first);
        Assert.Equal(first, follower.DuplicateOf?.ToString());
    }

    internal static Dictionary<string, string?> Settings(Dictionary<string, string?>? start = null)
    {
        var settings = (start ?? []).WithOperator();
        settings["Geo:Enabled"] = "true";
        settings["Geo:Folder"] = RepositoryDialogs.SampleCity;
        settings["Open311:JurisdictionId"] = "springfield.example";
        settings["Open311:ApiKeys:0:Name"] = "Open311 work orders";
        settings["Open311:ApiKeys:0:Key"] = Key;
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:SweepInterval"] = "00:00:01";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        return settings;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex StrictDate();
}
