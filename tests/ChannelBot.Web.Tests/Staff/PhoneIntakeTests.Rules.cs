using System.Net;
using System.Net.Http.Json;
using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Staff;

/// <summary>What a call taker's report must be, who may file one, and a report sent twice.</summary>
public sealed partial class PhoneIntakeTests
{
    public static TheoryData<string, string, string> BadReports => new()
    {
        // What is wrong, the field it is named under, words of the message.
        { "no service", "serviceCode", "Choose the kind of problem" },
        { "unknown service", "serviceCode", "not a service" },
        { "required question unanswered", "answers.REFRIGERANT", "required" },
        { "value not a choice", "answers.REFRIGERANT", "not one of the choices" },
        { "number out of bounds", "answers.ITEM_COUNT", "from 1 to 10" },
        { "text too long", "answers.ITEMS", "At most 300" },
        { "question of another service", "answers.WHERE_IN_ROAD", "no question" },
        { "outside the city", "address", "outside the city" },
        { "no place", "address", "Give an address" },
        { "SMS without a phone", "callerPhone", "mobile number" },
        { "SMS without consent", "consentGiven", "agree" },
        { "not a phone number", "callerPhone", "not a phone number" },
        { "no way to hear back chosen", "updatesBy", "sms, email or none" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task A_report_the_dialog_would_not_take_is_a_400_naming_the_field(string wrong, string field, string words)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var good = new PhoneIntakeDto(
            "BULKITEM",
            null,
            new Dictionary<string, string[]> { ["ITEMS"] = ["An old sofa"], ["REFRIGERANT"] = ["no"], ["ITEM_COUNT"] = ["2"] },
            "1250 N Main St",
            null,
            null,
            "Sam Caller",
            "+14135550170",
            null,
            "sms",
            ConsentGiven: true);
        var form = wrong switch
        {
            "no service" => good with { ServiceCode = null },
            "unknown service" => good with { ServiceCode = "NOPE" },
            "required question unanswered" => good with { Answers = new Dictionary<string, string[]> { ["ITEMS"] = ["An old sofa"] } },
            "value not a choice" => good with { Answers = new Dictionary<string, string[]> { ["ITEMS"] = ["sofa"], ["REFRIGERANT"] = ["maybe"] } },
            "number out of bounds" => good with { Answers = new Dictionary<string, string[]> { ["ITEMS"] = ["sofa"], ["REFRIGERANT"] = ["no"], ["ITEM_COUNT"] = ["40"] } },
            "text too long" => good with { Answers = new Dictionary<string, string[]> { ["ITEMS"] = [new string('x', 301)], ["REFRIGERANT"] = ["no"] } },
            "question of another service" => good with { Answers = new Dictionary<string, string[]>(good.Answers!) { ["WHERE_IN_ROAD"] = ["curb"] } },
            "outside the city" => good with { Address = null, Latitude = 42.07, Longitude = -72.58 },
            "no place" => good with { Address = null },
            "SMS without a phone" => good with { CallerPhone = null },
            "SMS without consent" => good with { ConsentGiven = false },
            "not a phone number" => good with { CallerPhone = "call me maybe" },
            "no way to hear back chosen" => good with { UpdatesBy = null },
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };
        var client = new PhoneIntakeClient(http);
        var (goodStatus, _) = await client.PostAsync(good);

        var (status, problem) = await client.PostAsync(form);

        Assert.Equal(201, goodStatus);   // the same report without the fault is filed: the fault alone is refused
        Assert.Equal(400, status);
        var errors = PhoneIntakeClient.Errors(problem);
        Assert.True(errors.ContainsKey(field), $"{wrong}: {problem}");
        Assert.Contains(words, errors[field], StringComparison.Ordinal);
        Assert.Single(await CaseRows.AllAsync(app.Services));
    }

    [Fact]
    public async Task Only_operators_and_admins_file_reports_and_a_signed_in_operator_needs_the_CSRF_token()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var settings = Settings(twilio);
        settings["Staff:ApiKeys:1:Name"] = "Streets crew";
        settings["Staff:ApiKeys:1:Key"] = "streets-key-0123456789abcdef0123456789ab";
        settings["Staff:ApiKeys:1:Role"] = "department";
        settings["Staff:ApiKeys:1:Department"] = "DPW-STREETS";
        settings["Staff:ApiKeys:2:Name"] = "Dashboard";
        settings["Staff:ApiKeys:2:Key"] = "reader-key-0123456789abcdef0123456789abc";
        settings["Staff:ApiKeys:2:Role"] = "reader";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var form = PhoneIntakeClient.Pothole("+14135550180");
        using var admin = await StaffPeople.AdminAsync(app);
        using var person = await StaffPeople.PersonAsync(admin, app, "olga@city.example", StaffRoles.Operator);

        using var anonymous = await http.PostAsJsonAsync("/api/staff/cases", form);
        var (department, _) = await new PhoneIntakeClient(http, "streets-key-0123456789abcdef0123456789ab").PostAsync(form);
        var (reader, _) = await new PhoneIntakeClient(http, "reader-key-0123456789abcdef0123456789abc").PostAsync(form);
        using var catalogForReader = await ReaderGetAsync(http, "/api/staff/intake/services");
        using var withoutCsrf = await person.SendWithKeyAsync(form, "k-1", csrf: false);
        using var withCsrf = await person.SendWithKeyAsync(form, "k-1", csrf: true);
        using var byAdmin = await admin.SendWithKeyAsync(form with { NotADuplicate = true }, "k-2", csrf: true);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(403, department);
        Assert.Equal(403, reader);
        Assert.Equal(HttpStatusCode.Forbidden, catalogForReader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutCsrf.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withCsrf.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        var cases = await CaseRows.AllAsync(app.Services);
        Assert.Equal(2, cases.Count);
        Assert.Contains(cases, c => c.History[0].By == "Person olga@city.example");
    }

    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_report_sent_twice_or_three_times_at_once_files_one_case(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var client = new PhoneIntakeClient(http);
        var form = PhoneIntakeClient.Pothole("+14135550190");

        var together = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(form, "double-click-1")));
        var again = await client.PostAsync(form, "double-click-1");
        var (missing, missingProblem) = await NoKeyAsync(http, form);

        var tickets = together.Append(again).Select(r => PhoneIntakeClient.Ticket(r.Body)).Distinct().ToList();
        Assert.Single(tickets);
        Assert.Single(together, r => r.Status == 201);
        Assert.All(together.Where(r => r.Status != 201).Append(again), r =>
        {
            Assert.Equal(200, r.Status);
            Assert.True(r.Body.GetProperty("alreadyFiled").GetBoolean());
        });
        Assert.Single(await CaseRows.AllAsync(app.Services));
        Assert.Equal(400, missing);
        Assert.True(PhoneIntakeClient.Errors(missingProblem).ContainsKey(StaffIntakeEndpoints.IdempotencyHeader));
        var caller = new SmsPhone(http, twilio, "+14135550190");
        await caller.WaitForTextAsync(1);
        Assert.Single(twilio.ReceivedBy(caller.Number));
    }

    [Fact]
    public async Task The_form_is_built_from_the_catalog_s_services_and_questions_in_the_language_asked()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();

        var english = await OperatorGetAsync<IntakeCatalogDto>(http, "/api/staff/intake/services");
        var spanish = await OperatorGetAsync<IntakeCatalogDto>(http, "/api/staff/intake/services?language=es");

        var pothole = english.Services.Single(s => s.Code == "PTHOLE");
        Assert.Equal("Pothole", pothole.Name);
        Assert.Equal("DPW-STREETS", pothole.Department);
        Assert.Equal(["WHERE_IN_ROAD", "HAZARDS"], pothole.Questions.Select(q => q.Code));
        Assert.Equal("singlevaluelist", pothole.Questions[0].Datatype);
        Assert.True(pothole.Questions[0].Required);
        Assert.Contains(pothole.Questions[0].Choices, c => c is { Key: "curb", Name: "Next to the curb" });
        var count = english.Services.Single(s => s.Code == "BULKITEM").Questions.Single(q => q.Code == "ITEM_COUNT");
        Assert.Equal((1, 10), (count.Min, count.Max));
        Assert.Equal("Bache", spanish.Services.Single(s => s.Code == "PTHOLE").Name);
        Assert.Equal(["en", "es"], english.Languages);
    }

    private static async Task<(int Status, System.Text.Json.JsonElement Body)> NoKeyAsync(HttpClient http, PhoneIntakeDto form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/cases") { Content = JsonContent.Create(form) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<T> OperatorGetAsync<T>(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static async Task<HttpResponseMessage> ReaderGetAsync(HttpClient http, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", "reader-key-0123456789abcdef0123456789abc");
        return await http.SendAsync(request);
    }
}
