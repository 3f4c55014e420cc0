using System.Net;
using ChannelBot.Geo;
using ChannelBot.Geo.Data;
using ChannelBot.Web.Tests.Support;
using ChannelBot.Web.Tests.Twilio;

namespace ChannelBot.Web.Tests.Geo;

/// <summary>
/// SMS reports on the sample city's map, through the real app and the fake Twilio: a texted address is found,
/// confirmed, routed by its ward and shown on the public map; a place the map cannot find is filed as typed and placed by staff, which routes it again; a place in the next town gets that town's contact; a second pothole 17 m from
/// an open one follows it, the follower hears the open report's next update, and staff see one follower.
/// </summary>
public sealed class SmsOnTheCityMapTests
{
    private static readonly string SampleCity = RepositoryDialogs.SampleCity;

    [Fact]
    public async Task A_texted_address_is_confirmed_on_the_map_and_routed_by_its_ward()
    {
        var ward = CityGeography.Load(CityFiles.InFolder(SampleCity)).Resolve("1250 N Main St").Best!.Area!;
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var settings = Settings(twilio);
        settings["Routing:Areas:0:GeoJsonPath"] = Path.Combine(SampleCity, "wards.geojson");
        settings["Routing:Areas:0:Feature"] = ward;
        settings["Routing:Areas:0:Services:0"] = "PTHOLE";
        settings["Routing:Areas:0:Department"] = "CUSTOMER-SERVICE";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550161");

        await phone.TextAsync("there is a big pothole");
        var confirm = await phone.TextAsync("its in front of 1250 north main street");
        var ticket = await FinishAsync(phone);

        Assert.Contains("1250 N Main St", confirm, StringComparison.Ordinal);
        var saved = Assert.Single(await CaseRows.AllAsync(app.Services), c => c.Ticket.ToString() == ticket);
        Assert.Equal("1250 N Main St", saved.Location.Address);
        Assert.Equal(42.113504, saved.Location.Latitude!.Value, 5);
        Assert.Equal(ward, saved.Location.Area);
        Assert.Equal("CUSTOMER-SERVICE", saved.Department);
        using var feed = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/requests.geojson"));
        var onTheMap = Assert.Single(feed.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("ticket").GetString() == ticket);
        Assert.Equal("Point", onTheMap.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(ward, onTheMap.GetProperty("properties").GetProperty("area").GetString());
    }

    [Fact]
    public async Task A_place_in_the_next_town_is_told_whose_it_is_and_nothing_is_filed()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550162");

        await phone.TextAsync("there is a big pothole");
        var answer = await phone.TextAsync("elm st in chester falls");

        Assert.Contains("Chester Falls", answer, StringComparison.Ordinal);
        Assert.Contains("(413) 555-0157", answer, StringComparison.Ordinal);
        Assert.Empty(await CaseRows.AllAsync(app.Services));
    }

    [Fact]
    public async Task A_second_pothole_nearby_follows_the_open_one_and_hears_its_next_update()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        await using var app = ChannelBotApp.Start(storage, Settings(twilio));
        using var http = app.CreateHttpClient();
        var first = new SmsPhone(http, twilio, "+15555550163");
        await first.TextAsync("there is a big pothole");
        await first.TextAsync("1250 n main st");
        var original = await FinishAsync(first);

        var second = new SmsPhone(http, twilio, "+15555550164");
        await second.TextAsync("pothole");
        await second.TextAsync("1264 N Main St");
        var offer = await second.TextAsync("yes");
        var following = await second.TextAsync("1");
        var before = twilio.ReceivedBy(second.Number).Count;
        await StaffApi.ChangeStatusAsync(http, original, "in_progress");
        var update = await second.WaitForTextAsync(before + 1);

        Assert.Contains($"Is it this one? {original}", offer, StringComparison.Ordinal);
        Assert.Contains($"following {original}", following, StringComparison.Ordinal);
        Assert.Contains("crews are working on it now", update, StringComparison.Ordinal);
        var follower = Assert.Single(await CaseRows.AllAsync(app.Services), c => c.Ticket.ToString() != original);
        Assert.Equal(original, follower.DuplicateOf?.ToString());
        Assert.Equal(1, (await StaffApi.GetCaseAsync(http, original)).Followers);
    }

    [Fact]
    public async Task A_place_the_map_cannot_find_is_filed_as_typed_and_staff_place_it_which_routes_it_by_its_ward()
    {
        var ward = CityGeography.Load(CityFiles.InFolder(SampleCity)).Resolve("1250 N Main St").Best!.Area!;
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var twilio = new FakeTwilio();
        var settings = Settings(twilio);
        settings["Routing:Areas:0:GeoJsonPath"] = Path.Combine(SampleCity, "wards.geojson");
        settings["Routing:Areas:0:Feature"] = ward;
        settings["Routing:Areas:0:Department"] = "CUSTOMER-SERVICE";
        await using var app = ChannelBotApp.Start(storage, settings);
        using var http = app.CreateHttpClient();
        var phone = new SmsPhone(http, twilio, "+15555550165");
        await phone.TextAsync("there is a big pothole");
        var askAgain = await phone.TextAsync("behind the old mill past the blue house");
        var next = await phone.TextAsync("by the creek");
        var answer = next;
        foreach (var text in SmsScript.Texts[2..])
        {
            answer = await phone.TextAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}").Value;
        var filed = await StaffApi.GetCaseAsync(http, ticket);
        using var halfPoint = await StaffApi.PostAsync(http, $"/api/cases/{ticket}/location", new { latitude = 42.1135 });
        using var outside = await StaffApi.PostAsync(http, $"/api/cases/{ticket}/location", new { latitude = 42.07, longitude = -72.58 });
        using var ambiguous = await StaffApi.PostAsync(http, $"/api/cases/{ticket}/location", new { address = "5th street" });
        using var placed = await StaffApi.PostAsync(http, $"/api/cases/{ticket}/location", new { address = "1250 north main st", internalNote = "crew found it" });
        var detail = await StaffApi.GetCaseAsync(http, ticket);

        Assert.Contains("couldn't find", askAgain, StringComparison.Ordinal);
        Assert.Equal("behind the old mill past the blue house / by the creek", filed.Case.Address);
        Assert.Null(filed.Case.Latitude);
        Assert.Equal("DPW-STREETS", filed.Case.Department);
        Assert.Equal(HttpStatusCode.BadRequest, halfPoint.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Contains("outside the city", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        Assert.Contains("E 5th St", await ambiguous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal("1250 N Main St", detail.Case.Address);
        Assert.Equal(ward, detail.Case.Area);
        Assert.Equal("CUSTOMER-SERVICE", detail.Case.Department);
        Assert.Equal("relocated", detail.History[^1].Kind);
        Assert.Contains("routed DPW-STREETS → CUSTOMER-SERVICE", detail.History[^1].Detail, StringComparison.Ordinal);
    }

    /// <summary>After the place is confirmed: the rest of the SMS pothole script (lane, size, no photo, no name, updates yes, send).</summary>
    private static async Task<string> FinishAsync(SmsPhone phone)
    {
        var answer = await phone.TextAsync("yes");
        foreach (var text in SmsScript.Texts[2..])
        {
            answer = await phone.TextAsync(text);
        }

        var ticket = System.Text.RegularExpressions.Regex.Match(answer, @"311-\d{4}-\d{6}");
        Assert.True(ticket.Success, $"No ticket in the last answer: {answer}");
        return ticket.Value;
    }

    private static Dictionary<string, string?> Settings(FakeTwilio twilio)
    {
        var settings = twilio.Settings.WithOperator();
        settings["Geo:Enabled"] = "true";
        settings["Geo:Folder"] = SampleCity;
        settings["Outbox:FirstRetryDelay"] = "00:00:00.050";
        settings["Outbox:SweepInterval"] = "00:00:01";
        settings["Notifications:QuietHoursStart"] = "00:00";
        settings["Notifications:QuietHoursEnd"] = "00:00";
        return settings;
    }
}
