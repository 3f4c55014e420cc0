using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NJsonSchema;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>
/// Conformance against a reference written from the specifications alone (Open311/Conformance, see its README): every
/// JSON answer of a database seeded with 520 cases validates against the plain GeoReport v2 schemas and against the
/// stricter mySociety contract; every XML answer is UTF-8 with the spec's element names in the spec's order; and the
/// error matrix gets its status codes.
/// </summary>
public sealed class Open311ConformanceTests(Open311ConformanceFixture fixture) : IClassFixture<Open311ConformanceFixture>
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Open311", "Conformance");

    private HttpClient Http => fixture.Http;

    public static TheoryData<string, string> JsonAnswers() => new()
    {
        { "/discovery.json", "discovery" },
        { "/services.json", "services" },
        { "/services/PTHOLE.json", "service-definition" },
        { "/services/NOISE.json", "service-definition" },
        { "/services/OTHER.json", "service-definition" },
        { "/requests.json", "requests" },
        { "/requests.json?status=open", "requests" },
        { "/requests.json?status=closed", "requests" },
        { "/requests.json?service_code=PTHOLE,GRAFFITI&status=open,closed", "requests" },
        { "/requests.json?start_date=2026-04-01T00:00:00Z&end_date=2026-06-17T23:59:59-04:00", "requests" },
        { "/requests.json?service_request_id=311-2026-500001,311-2026-500002,NOSUCH-1", "requests" },
        { "/requests/311-2026-500001.json", "requests" },
        { "/tokens/311-2026-500001.json", "token" },
        { "/servicerequestupdates.json?start_date=2026-03-20T00:00:00Z&end_date=2026-06-17T16:00:00Z", "service-request-updates" },
        { "/servicerequestupdates.json", "service-request-updates" },
    };

    [Theory]
    [MemberData(nameof(JsonAnswers))]
    public async Task Every_JSON_answer_validates_against_the_plain_and_the_strict_schema(string path, string schema)
    {
        using var response = await Http.GetAsync(Open311Client.Base + path);
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        await AssertValidAsync(json, $"{schema}.schema.json");
        await AssertValidAsync(json, $"strict/{schema}.schema.json");
    }

    [Fact]
    public async Task The_lists_hold_hundreds_of_requests_in_every_status_and_only_located_ones()
    {
        var (_, all) = await new Open311Client(Http, "").GetJsonAsync("/requests.json?start_date=2026-03-20T00:00:00Z&end_date=2026-06-17T16:00:00Z");
        var ids = all.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToHashSet();

        Assert.Equal(fixture.Located.Count(id => ids.Contains(id)), ids.Count);
        Assert.True(ids.Count >= 400, $"{ids.Count} requests listed");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("status").GetString() == "closed");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("status").GetString() == "open");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("description").GetString()!.StartsWith("Resident words", StringComparison.Ordinal));
        Assert.DoesNotContain("pat@example.com", all.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Resident", all.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_located_request_by_id_is_strict_and_an_unlocated_one_is_plain_with_empty_coordinates()
    {
        foreach (var id in fixture.Located.Take(60))
        {
            using var response = await Http.GetAsync($"{Open311Client.Base}/requests/{id}.json");
            var json = await response.Content.ReadAsStringAsync();
            await AssertValidAsync(json, "strict/requests.schema.json");
        }

        using var unlocated = await Http.GetAsync($"{Open311Client.Base}/requests/{fixture.Unlocated[0]}.json");
        var body = await unlocated.Content.ReadAsStringAsync();
        await AssertValidAsync(body, "requests.schema.json");
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(body).RootElement[0].GetProperty("lat").ValueKind);
    }

    [Fact]
    public async Task The_posts_answers_validate_against_the_plain_and_the_strict_schema()
    {
        var client = new Open311Client(Http, Open311ServerTestsKey);
        var (_, filed) = await client.PostAsync("/requests.json", [new("service_code", "NOISE"), new("lat", "42.1135"), new("long", "-72.5898"), new("attribute[SOURCE]", "residence")]);
        var id = filed[0].GetProperty("service_request_id").GetString()!;
        var (_, updated) = await client.PostAsync("/servicerequestupdates.json",
            [new("service_request_id", id), new("update_id", "conf-1"), new("status", "INVESTIGATING"), new("updated_datetime", "2026-06-17T12:00:00-04:00"), new("description", "")]);

        await AssertValidAsync(filed.ToString(), "post-request.schema.json");
        await AssertValidAsync(filed.ToString(), "strict/post-request.schema.json");
        await AssertValidAsync(updated.ToString(), "post-update.schema.json");
        await AssertValidAsync(updated.ToString(), "strict/post-update.schema.json");
    }

    public static TheoryData<string, string> XmlAnswers() => new()
    {
        { "/discovery.xml", "discovery" },
        { "/services.xml", "services" },
        { "/services/PTHOLE.xml", "service_definition" },
        { "/requests.xml", "requests" },
        { "/requests/311-2026-500002.xml", "requests" },
        { "/tokens/311-2026-500002.xml", "token" },
        { "/servicerequestupdates.xml?start_date=2026-03-20T00:00:00Z&end_date=2026-06-17T16:00:00Z", "service_request_updates" },
        { "/services/NOSUCH.xml", "errors" },
    };

    [Theory]
    [MemberData(nameof(XmlAnswers))]
    public async Task Every_XML_answer_is_UTF8_with_the_spec_s_element_names_in_the_spec_s_order(string path, string document)
    {
        using var response = await Http.GetAsync(Open311Client.Base + path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Matches("^<\\?xml version=\"1.0\" encoding=\"utf-8\"\\?>", text);
        var xml = XDocument.Parse(text);
        var reference = Reference(document);
        AssertShape(xml.Root!, reference.GetProperty("element"), path);
    }

    public static TheoryData<string> ErrorCases() => [.. Matrix().Keys];

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task The_error_matrix_gets_its_status_codes(string id)
    {
        var expected = ErrorMatrix().First(c => c.GetProperty("id").GetString() == id).GetProperty("expected_status").GetInt32();
        var client = new Open311Client(Http, Open311ServerTestsKey);

        var (status, body) = await Matrix()[id](client, fixture);

        Assert.True(expected == status, $"{id}: {status}, expected {expected}: {body}");
        if (status >= 400 && body.Length > 0)
        {
            await AssertValidAsync(body, "errors.schema.json");
        }
    }

    [Fact]
    public void Every_case_of_the_error_matrix_is_played_or_does_not_apply_here()
    {
        var notHere = new[] { "missing-jurisdiction-multi" };  // one jurisdiction per server
        var missing = ErrorMatrix().Select(c => c.GetProperty("id").GetString()!).Except(Matrix().Keys).Except(notHere).ToList();

        Assert.True(missing.Count == 0, "not played: " + string.Join(", ", missing));
    }

    private const string Open311ServerTestsKey = "open311-key-0123456789abcdef0123456789abcdef";

    private static Dictionary<string, Func<Open311Client, Open311ConformanceFixture, Task<(int, string)>>> Matrix()
    {
        static Task<(int, string)> Get(Open311ConformanceFixture f, string path) => GetAsync(f.Http, path);
        static async Task<(int, string)> Post(Open311Client c, string path, params string[] pairs)
        {
            var fields = pairs.Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
            var key = pairs.FirstOrDefault(p => p.StartsWith("api_key=", StringComparison.Ordinal));
            var (status, body) = await c.PostAsync(path, fields, withKey: key is null);
            return (status, body.ToString());
        }

        const string Valid = "service_code=PTHOLE";
        const string Where = "lat=42.1135";
        const string Long = "long=-72.5898";
        const string Lane = "attribute[WHERE_IN_ROAD]=curb";
        const string Wrong = "jurisdiction_id=not-our-city.example";
        return new()
        {
            ["unknown-service-definition"] = (_, f) => Get(f, "/services/NOSUCH.json"),
            ["unknown-service-post"] = (c, _) => Post(c, "/requests.json", "service_code=NOSUCH", Where, Long),
            ["missing-service-code-post"] = (c, _) => Post(c, "/requests.json", Where, Long, Lane),
            ["missing-api-key-post"] = (c, _) => Post(c, "/requests.json", "api_key=", Valid, Where, Long, Lane),
            ["invalid-api-key-post"] = (c, _) => Post(c, "/requests.json", "api_key=wrong", Valid, Where, Long, Lane),
            ["missing-api-key-post-update"] = (c, f) => Post(c, "/servicerequestupdates.json", "api_key=", $"service_request_id={f.Located[0]}", "update_id=m1", "status=FIXED", "updated_datetime=2026-06-17T12:00:00Z", "description=x"),
            ["invalid-api-key-post-update"] = (c, f) => Post(c, "/servicerequestupdates.json", "api_key=wrong", $"service_request_id={f.Located[0]}", "update_id=m1", "status=FIXED", "updated_datetime=2026-06-17T12:00:00Z", "description=x"),
            ["wrong-jurisdiction-get-services"] = (_, f) => Get(f, "/services.json?" + Wrong),
            ["wrong-jurisdiction-get-service-definition"] = (_, f) => Get(f, "/services/PTHOLE.json?" + Wrong),
            ["wrong-jurisdiction-get-requests"] = (_, f) => Get(f, "/requests.json?" + Wrong),
            ["wrong-jurisdiction-get-request"] = (_, f) => Get(f, $"/requests/{f.Located[0]}.json?" + Wrong),
            ["wrong-jurisdiction-get-token"] = (_, f) => Get(f, $"/tokens/{f.Located[0]}.json?" + Wrong),
            ["wrong-jurisdiction-post-requests"] = (c, _) => Post(c, "/requests.json", Valid, Where, Long, Lane, Wrong),
            ["wrong-jurisdiction-get-updates"] = (_, f) => Get(f, "/servicerequestupdates.json?" + Wrong),
            ["wrong-jurisdiction-post-updates"] = (c, f) => Post(c, "/servicerequestupdates.json", $"service_request_id={f.Located[0]}", "update_id=j1", "status=FIXED", "updated_datetime=2026-06-17T12:00:00Z", "description=x", Wrong),
            ["missing-jurisdiction-single"] = (_, f) => Get(f, "/services.json"),
            ["bad-start-date"] = (_, f) => Get(f, "/requests.json?start_date=yesterday"),
            ["date-without-timezone"] = (_, f) => Get(f, "/requests.json?start_date=2026-05-01T00:00:00&end_date=2026-05-10T00:00:00"),
            ["end-before-start"] = (_, f) => Get(f, "/requests.json?start_date=2026-05-10T00:00:00Z&end_date=2026-05-01T00:00:00Z"),
            ["date-range-over-90-days"] = (_, f) => Get(f, "/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"),
            ["updates-without-api-key"] = (_, f) => Get(f, "/servicerequestupdates.json?start_date=2026-06-01T00:00:00Z&end_date=2026-06-10T00:00:00Z"),
            ["bad-dates-updates"] = (_, f) => Get(f, "/servicerequestupdates.json?start_date=yesterday"),
            ["unknown-request-id"] = (_, f) => Get(f, "/requests/NOSUCH-1.json"),
            ["unknown-id-in-filter"] = (_, f) => Get(f, "/requests.json?service_request_id=NOSUCH-1"),
            ["unknown-token"] = (_, f) => Get(f, "/tokens/NOSUCH.json"),
            ["bad-format-extension"] = (_, f) => GetStatusOnlyAsync(f.Http, "/services.csv"),
            ["missing-format-extension"] = (_, f) => GetStatusOnlyAsync(f.Http, "/services"),
            ["missing-location"] = (c, _) => Post(c, "/requests.json", Valid, Lane),
            ["lat-without-long"] = (c, _) => Post(c, "/requests.json", Valid, "lat=42.1", Lane),
            ["missing-required-attribute"] = (c, _) => Post(c, "/requests.json", Valid, Where, Long),
            ["attribute-value-not-in-list"] = (c, _) => Post(c, "/requests.json", Valid, Where, Long, "attribute[WHERE_IN_ROAD]=NOT_A_KEY"),
            ["description-too-long"] = (c, _) => Post(c, "/requests.json", Valid, Where, Long, Lane, "description=" + new string('x', 4001)),
            ["bad-status-filter"] = (_, f) => Get(f, "/requests.json?status=bogus"),
            ["update-unknown-request"] = (c, _) => Post(c, "/servicerequestupdates.json", "service_request_id=NOSUCH-1", "update_id=u1", "status=FIXED", "updated_datetime=2026-06-17T12:00:00Z", "description=x"),
            ["update-missing-field"] = (c, f) => Post(c, "/servicerequestupdates.json", $"service_request_id={f.Located[1]}", "update_id=u2", "status=FIXED", "description=x"),
            ["update-unknown-status"] = (c, f) => Post(c, "/servicerequestupdates.json", $"service_request_id={f.Located[1]}", "update_id=u3", "status=RESOLVED", "updated_datetime=2026-06-17T12:00:00Z", "description=x"),
            ["update-lowercase-status"] = (c, f) => Post(c, "/servicerequestupdates.json", $"service_request_id={f.Located[1]}", "update_id=u4", "status=fixed", "updated_datetime=2026-06-17T12:00:00Z", "description=x"),
            ["update-bad-datetime"] = (c, f) => Post(c, "/servicerequestupdates.json", $"service_request_id={f.Located[1]}", "update_id=u5", "status=FIXED", "updated_datetime=2026-06-17 16:40", "description=x"),
            ["update-duplicate-update-id"] = async (c, _) =>
            {
                var (_, filed) = await c.PostAsync("/requests.json", [new("service_code", "NOISE"), new("lat", "42.1300"), new("long", "-72.6000"), new("attribute[SOURCE]", "residence")]);
                var id = filed[0].GetProperty("service_request_id").GetString();
                await Post(c, "/servicerequestupdates.json", $"service_request_id={id}", "update_id=dup-1", "status=INVESTIGATING", "updated_datetime=2099-01-01T12:00:00Z", "description=x");
                return await Post(c, "/servicerequestupdates.json", $"service_request_id={id}", "update_id=dup-1", "status=INVESTIGATING", "updated_datetime=2099-01-01T12:00:00Z", "description=x");
            },
        };
    }

    private static async Task<(int, string)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(Open311Client.Base + path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(int, string)> GetStatusOnlyAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(Open311Client.Base + path);
        return ((int)response.StatusCode, string.Empty);
    }

    private static async Task AssertValidAsync(string json, string schemaFile)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(Folder, schemaFile));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{schemaFile}: {string.Join("; ", errors.Take(5).Select(e => $"{e.Path} {e.Kind}"))}\n{json[..Math.Min(json.Length, 600)]}");
    }

    private static IEnumerable<JsonElement> ErrorMatrix() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "error-matrix.json"))).RootElement.GetProperty("cases").EnumerateArray();

    private static JsonElement Reference(string id) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "xml-elements.json"))).RootElement.GetProperty("documents").EnumerateArray()
            .First(d => d.GetProperty("id").GetString() == id);

    /// <summary>The element has the reference's name, only its children, each required one present, in the reference's order.</summary>
    private static void AssertShape(XElement element, JsonElement reference, string where)
    {
        Assert.True(reference.GetProperty("name").GetString() == element.Name.LocalName, $"{where}: <{element.Name.LocalName}> where <{reference.GetProperty("name").GetString()}> belongs");
        Assert.False(element.HasAttributes, $"{where}: <{element.Name.LocalName}> has attributes");
        if (!reference.TryGetProperty("children", out var children))
        {
            return;
        }

        var names = children.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var seen = element.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(seen.All(names.Contains), $"{where}: <{element.Name.LocalName}> has {string.Join(",", seen.Except(names))} which the spec does not");
        var positions = seen.Select(name => names.IndexOf(name)).ToList();
        Assert.True(positions.SequenceEqual(positions.Order()), $"{where}: <{element.Name.LocalName}> children out of order: {string.Join(",", seen.Distinct())}");
        foreach (var child in children.EnumerateArray())
        {
            var name = child.GetProperty("name").GetString()!;
            var required = child.TryGetProperty("required", out var r) && r.GetBoolean();
            var minimum = child.TryGetProperty("min_occurs", out var m) ? m.GetInt32() : 1;
            if (required && minimum > 0)
            {
                Assert.True(element.Elements(name).Any(), $"{where}: <{element.Name.LocalName}> lacks <{name}>");
            }

            foreach (var present in element.Elements(name))
            {
                AssertShape(present, child, where);
            }
        }
    }
}
