using System.Net;
using System.Text.Json;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// /requests.geojson on SQLite and PostgreSQL: a FeatureCollection of the located requests that match the filters,
/// newest first, with only public properties (block-level address, 3-decimal points, the description only when the
/// resident agreed); no case without a point, no duplicate, nothing older than the period, nothing personal.
/// </summary>
public sealed class PublicRequestsFeedTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task The_feed_holds_the_located_requests_that_match_with_public_properties_only(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var app = ChannelBotApp.Start(storage, PublicRequestsFixture.Settings(Path.GetTempPath()), services => services.AddSingleton<TimeProvider>(clock));
        var pothole = PublicCase.Pothole("1231 N Main St", "Private words: the hole is outside my flat", descriptionPublic: false) with
        {
            Moves = [(CaseStatus.Acknowledged, PublicPrivacy.StaffName, "A crew will look at it.", PublicPrivacy.InternalNote)],
        };
        var light = PublicCase.Streetlight("364 Maple St", "The corner light is out since Sunday.", descriptionPublic: true);
        var graffiti = PublicCase.Graffiti("1351 State St", "Tags on the wall", descriptionPublic: false) with { Moves = [(CaseStatus.Fixed, PublicPrivacy.StaffName, null, null)] };
        var typed = PublicCase.Graffiti("behind the old mill by Rosa's place", "Words kept as typed") with { Typed = true, Age = TimeSpan.FromHours(1) };
        var again = PublicCase.Pothole("1231 N Main St", "Same hole, second report") with { Age = TimeSpan.FromHours(1), ReporterName = "Second Reporter", ReporterPhone = "+15550009999", ChannelUserId = "+15550009999", ReporterEmail = "second@example.org" };
        var old = PublicCase.Pothole("507 Maple St", "An old report") with { Age = TimeSpan.FromDays(60) };
        var filedPothole = await PublicCases.FileAsync(app.Services, pothole);
        var filedLight = await PublicCases.FileAsync(app.Services, light);
        var filedGraffiti = await PublicCases.FileAsync(app.Services, graffiti);
        var filedTyped = await PublicCases.FileAsync(app.Services, typed);
        var filedAgain = await PublicCases.FileAsync(app.Services, again);
        var filedOld = await PublicCases.FileAsync(app.Services, old);
        await PublicCases.MarkDuplicateAsync(app.Services, filedAgain, filedPothole, PublicPrivacy.StaffName, PublicPrivacy.InternalNote);
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync("/requests.geojson");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var feed = JsonDocument.Parse(raw);
        Assert.Equal("FeatureCollection", feed.RootElement.GetProperty("type").GetString());
        var features = feed.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([Ticket(filedPothole), Ticket(filedLight), Ticket(filedGraffiti)], features.Select(f => f.GetProperty("properties").GetProperty("ticket").GetString()));

        var first = features[0];
        Assert.Equal("Point", first.GetProperty("geometry").GetProperty("type").GetString());
        var coordinates = first.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal([Math.Round(filedPothole.Location.Longitude!.Value, 3), Math.Round(filedPothole.Location.Latitude!.Value, 3)], coordinates);
        Assert.All(first.GetProperty("geometry").GetProperty("coordinates").EnumerateArray(), c => Assert.True(c.GetRawText().Split('.').ElementAtOrDefault(1) is not { Length: > 3 }, $"{c} has more than 3 decimals"));
        var properties = first.GetProperty("properties");
        Assert.Equal(
            ["ticket", "service_code", "service_name", "status", "status_name", "open", "reported_at", "updated_at", "address", "area", "url"],
            properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PTHOLE", properties.GetProperty("service_code").GetString());
        Assert.Equal("Pothole", properties.GetProperty("service_name").GetString());
        Assert.Equal("acknowledged", properties.GetProperty("status").GetString());
        Assert.Equal("Reviewed and sent to the right department", properties.GetProperty("status_name").GetString());
        Assert.True(properties.GetProperty("open").GetBoolean());
        Assert.Equal(filedPothole.CreatedAt, properties.GetProperty("reported_at").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal("1200 block of N Main St", properties.GetProperty("address").GetString());
        Assert.Equal("Ward 3", properties.GetProperty("area").GetString());
        Assert.Equal(new Uri(app.BaseAddress, $"/requests/{Ticket(filedPothole)}").ToString(), properties.GetProperty("url").GetString());
        Assert.Equal(light.Description, features[1].GetProperty("properties").GetProperty("description").GetString());
        Assert.False(features[2].GetProperty("properties").GetProperty("open").GetBoolean());
        PublicPrivacy.AssertHoldsNothingPersonal(raw, pothole, light, graffiti, typed, again, old);
        Assert.DoesNotContain("Rosa", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Ticket(filedTyped), raw, StringComparison.Ordinal);   // no point: listed on the page, not mapped
        Assert.DoesNotContain(Ticket(filedAgain), raw, StringComparison.Ordinal);   // a duplicate follows its original

        // The page's filters, as query parameters.
        Assert.Equal([Ticket(filedLight)], await TicketsAsync(http, "?service=STLIGHT"));
        Assert.Equal([Ticket(filedLight)], await TicketsAsync(http, "?service=Streetlight%20out"));
        Assert.Equal([Ticket(filedGraffiti)], await TicketsAsync(http, "?status=closed"));
        Assert.Equal([Ticket(filedGraffiti)], await TicketsAsync(http, "?status=fixed"));
        Assert.Equal([Ticket(filedPothole)], await TicketsAsync(http, "?status=acknowledged"));
        Assert.Equal([Ticket(filedPothole), Ticket(filedLight)], await TicketsAsync(http, "?status=open"));
        Assert.Equal([Ticket(filedPothole)], await TicketsAsync(http, "?status=open&area=Ward%203"));
        Assert.Equal([Ticket(filedPothole), Ticket(filedLight), Ticket(filedGraffiti), Ticket(filedOld)], await TicketsAsync(http, "?period=90"));
        Assert.Empty(await TicketsAsync(http, "?area=Ward%206"));
        // What the feed does not know is ignored, never an error.
        Assert.Equal(3, (await TicketsAsync(http, "?status=nonsense&service=NOPE&period=12&page=-4")).Count);
    }

    [Fact]
    public async Task The_feed_names_services_statuses_and_places_in_the_language_asked_for()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var clock = new FakeTimeProvider(PinnedClock.Default);
        await using var app = ChannelBotApp.Start(storage, PublicRequestsFixture.Settings(Path.GetTempPath()), services => services.AddSingleton<TimeProvider>(clock));
        await PublicCases.FileAsync(app.Services, PublicCase.Pothole("1231 N Main St", "x"));
        using var http = app.CreateHttpClient();

        using var spanish = JsonDocument.Parse(await http.GetStringAsync("/requests.geojson?lang=es"));

        var properties = spanish.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("Bache", properties.GetProperty("service_name").GetString());
        Assert.Equal("Recibido, en espera de revisión", properties.GetProperty("status_name").GetString());
        Assert.Equal("cuadra 1200 de N Main St", properties.GetProperty("address").GetString());
    }

    private static string Ticket(Case c) => c.Ticket.ToString();

    private static async Task<List<string?>> TicketsAsync(HttpClient http, string query)
    {
        using var feed = JsonDocument.Parse(await http.GetStringAsync("/requests.geojson" + query));
        return [.. feed.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("ticket").GetString())];
    }
}
