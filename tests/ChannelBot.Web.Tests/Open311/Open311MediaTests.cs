using ChannelBot.Web.Staff;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ChannelBot.Web.Tests.Open311;

/// <summary>
/// A photo posted by URL with a request (<c>media_url</c>): fetched through the one media fetcher only from the hosts
/// the city lists in Open311:MediaHosts, typed by its bytes whatever the header says, within the photo limits, a
/// redirect to another host not followed; a refused or failed fetch never loses the case, and staff see why.
/// </summary>
public sealed class Open311MediaTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_media_url_on_a_listed_host_becomes_the_case_s_photo_typed_by_its_bytes()
    {
        using var photos = PhotoHost();
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(listed: true));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync(more: [new("media_url", photos.Url + "/moved")]);
        var photo = await SettledPhotoAsync(http, ticket);
        var bytes = await StaffApi.GetBytesAsync(http, photo.Url!);

        Assert.Equal("stored", photo.Status);
        Assert.Equal("image/png", photo.ContentType);   // the server said text/html: the bytes decide
        Assert.Equal(Png, bytes);
        Assert.Equal(2, photos.LogEntries.Count());     // the redirect on the same host, then the photo
    }

    [Theory]
    [InlineData("/hole.png", false, "'127.0.0.1' is not a host open311 media may come from", 0)]
    [InlineData("/elsewhere", true, "'localhost' is not a host open311 media may come from", 1)]
    [InlineData("/page", true, "not a photo type that is kept", 1)]
    [InlineData("/big.png", true, "larger than 2048 bytes", 1)]
    [InlineData("/gone.png", true, "answered 404", 1)]
    public async Task A_media_url_that_cannot_be_kept_leaves_the_case_filed_with_the_photo_failed_and_the_reason(string path, bool listed, string reason, int requests)
    {
        using var photos = PhotoHost();
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(listed));
        using var http = app.CreateHttpClient();

        var ticket = await new Open311Client(http, Open311ServerTests.Key).FilePotholeAsync(more: [new("media_url", photos.Url + path)]);
        var photo = await SettledPhotoAsync(http, ticket);

        Assert.Equal("failed", photo.Status);
        Assert.Contains(reason, photo.FailureReason, StringComparison.Ordinal);
        Assert.Null(photo.Url);
        Assert.Equal(requests, photos.LogEntries.Count());
        Assert.Equal("received", (await StaffApi.GetCaseAsync(http, ticket)).Case.Status);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://127.0.0.1/hole.png")]
    [InlineData("/relative/hole.png")]
    public async Task A_media_url_that_is_not_an_http_url_is_a_400_and_files_nothing(string mediaUrl)
    {
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        await using var app = ChannelBotApp.Start(storage, Settings(listed: true));
        using var http = app.CreateHttpClient();

        var (status, body) = await new Open311Client(http, Open311ServerTests.Key).PostAsync("/requests.json",
            [new("service_code", "PTHOLE"), new("lat", "42.113504"), new("long", "-72.589855"), new("attribute[WHERE_IN_ROAD]", "curb"), new("media_url", mediaUrl)]);

        Assert.Equal(400, status);
        Assert.Contains("media_url", body[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(await CaseRows.AllAsync(app.Services));
    }

    /// <summary>The client's photo server, on 127.0.0.1 (a host name other than <c>localhost</c>, which it redirects to once).</summary>
    private static WireMockServer PhotoHost()
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        var port = server.Ports[0];
        server.Given(Request.Create().WithPath("/hole.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody(Png));
        server.Given(Request.Create().WithPath("/moved").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", "/hole.png"));
        server.Given(Request.Create().WithPath("/elsewhere").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://localhost:{port}/hole.png"));
        server.Given(Request.Create().WithPath("/page").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/jpeg").WithBody("<html><script>alert(1)</script></html>"));
        server.Given(Request.Create().WithPath("/big.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody([.. Png, .. new byte[4096]]));
        server.Given(Request.Create().WithPath("/gone.png").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
        return server;
    }

    private static async Task<CasePhotoDto> SettledPhotoAsync(HttpClient http, string ticket)
    {
        CasePhotoDto? photo = null;
        await Eventually.HoldsAsync(async () =>
        {
            photo = Assert.Single((await StaffApi.GetCaseAsync(http, ticket)).Photos);
            return photo.Status != "pending";
        });
        return photo!;
    }

    /// <param name="listed">Whether the photo server's host (127.0.0.1) is in Open311:MediaHosts; not: the list is empty.</param>
    private static Dictionary<string, string?> Settings(bool listed)
    {
        var settings = Open311ServerTests.Settings();
        if (listed)
        {
            settings["Open311:MediaHosts:0"] = "127.0.0.1";
        }

        // 127.0.0.1 stands for the client's public server here; no other loopback address, and no other host name, is allowed.
        settings["Media:AllowedPrivateNetworks:0"] = "127.0.0.1/32";
        settings["Photos:Path"] = Path.Combine(Path.GetTempPath(), "channelbot-open311-media-" + Guid.NewGuid().ToString("N"));
        settings["Photos:MaxBytes"] = "2048";
        settings["Photos:DownloadTimeout"] = "00:00:20";
        settings["Photos:MaxAttempts"] = "1";
        settings["Photos:SweepInterval"] = "00:01:00";
        return settings;
    }
}
