using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChannelBot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Web.Tests.Public;

/// <summary>
/// The map's own layers: the city's boundary, wards and streets served from the Geo files (compressed, cached,
/// revalidated by ETag); with the geography off the map has no layers (only the points); a tile server is used only
/// when configured, and then the page's Content-Security-Policy lets exactly its images in.
/// </summary>
public sealed partial class PublicMapLayerTests(PublicRequestsFixture fixture) : IClassFixture<PublicRequestsFixture>
{
    [Theory]
    [InlineData("boundary", "boundary.geojson")]
    [InlineData("areas", "wards.geojson")]
    [InlineData("streets", "streets.geojson")]
    public async Task A_layer_is_the_citys_own_file_compressed_and_cached(string layer, string file)
    {
        var expected = await File.ReadAllBytesAsync(Path.Combine(PublicRequestsFixture.SampleCity, file));
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.App.BaseAddress };

        var brotli = await GetAsync(http, $"/requests/map/{layer}.geojson", "br");
        var gzip = await GetAsync(http, $"/requests/map/{layer}.geojson", "gzip");
        var plain = await GetAsync(http, $"/requests/map/{layer}.geojson", null);

        Assert.Equal("br", Assert.Single(brotli.Response.Content.Headers.ContentEncoding));
        Assert.Equal(expected, Decompress(brotli.Body, s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.Equal("gzip", Assert.Single(gzip.Response.Content.Headers.ContentEncoding));
        Assert.Equal(expected, Decompress(gzip.Body, s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Empty(plain.Response.Content.Headers.ContentEncoding);
        Assert.Equal(expected, plain.Body);
        Assert.Equal("application/geo+json", plain.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(brotli.Body.Length < expected.Length / 3, $"brotli {brotli.Body.Length} bytes of {expected.Length}");
        Assert.Equal(TimeSpan.FromHours(1), plain.Response.Headers.CacheControl?.MaxAge);
        Assert.Contains("Accept-Encoding", plain.Response.Headers.Vary);

        // Revalidation: the same content answers 304 without a body.
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/requests/map/{layer}.geojson");
        again.Headers.IfNoneMatch.Add(plain.Response.Headers.ETag!);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_layer_the_map_does_not_have_answers_404()
    {
        using var http = fixture.App.CreateHttpClient();

        using var places = await http.GetAsync("/requests/map/places.geojson");
        using var addresses = await http.GetAsync("/requests/map/..%2Faddresses.csv.geojson");

        Assert.Equal(HttpStatusCode.NotFound, places.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, addresses.StatusCode);
    }

    [Fact]
    public async Task The_page_offers_the_map_the_citys_layers_and_no_tiles_by_default()
    {
        using var http = fixture.App.CreateHttpClient();

        using var response = await http.GetAsync("/requests");
        var settings = MapSettings(await response.Content.ReadAsStringAsync());

        Assert.Equal(
            ["/requests/map/boundary.geojson", "/requests/map/areas.geojson", "/requests/map/streets.geojson"],
            settings.GetProperty("layers").EnumerateObject().Select(l => l.Value.GetString()));
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("tileUrl").ValueKind);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data:;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_geography_off_the_map_has_only_the_points_and_the_areas_come_from_the_cases()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = PublicRequestsFixture.Settings(Path.GetTempPath());
        await using (var mapped = ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(PinnedClock.Default))))
        {
            await PublicCases.FileAsync(mapped.Services, PublicCase.Pothole("1231 N Main St", "filed while the map was on"));
        }

        settings["Geo:Enabled"] = "false";
        await using var app = ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(PinnedClock.Default)));
        using var http = app.CreateHttpClient();

        using var streets = await http.GetAsync("/requests/map/streets.geojson");
        var page = await http.GetStringAsync("/requests");

        Assert.Equal(HttpStatusCode.NotFound, streets.StatusCode);
        Assert.Empty(MapSettings(page).GetProperty("layers").EnumerateObject());
        Assert.Contains("<option value=\"Ward 3\">Ward 3</option>", page, StringComparison.Ordinal);
        using var feed = JsonDocument.Parse(await http.GetStringAsync("/requests.geojson"));
        Assert.Single(feed.RootElement.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task A_configured_tile_server_is_offered_to_the_map_and_allowed_for_images_only()
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        var settings = PublicRequestsFixture.Settings(Path.GetTempPath());
        settings["PublicRequests:TileUrl"] = "https://{s}.tiles.example.org/{z}/{x}/{y}.png";
        settings["PublicRequests:TileAttribution"] = "© Example Tiles";
        await using var app = ChannelBotApp.Start(storage, settings, services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(PinnedClock.Default)));
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync("/requests");
        var map = MapSettings(await response.Content.ReadAsStringAsync());

        Assert.Equal("https://{s}.tiles.example.org/{z}/{x}/{y}.png", map.GetProperty("tileUrl").GetString());
        Assert.Equal("© Example Tiles", map.GetProperty("tileAttribution").GetString());
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient http, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static byte[] Decompress(byte[] body, Func<Stream, Stream> decompressor)
    {
        using var input = new MemoryStream(body);
        using var stream = decompressor(input);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    private static JsonElement MapSettings(string page) =>
        JsonDocument.Parse(SettingsBlock().Match(page).Groups[1].Value).RootElement;

    [GeneratedRegex("<script type=\"application/json\" id=\"pr-map-settings\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex SettingsBlock();
}
