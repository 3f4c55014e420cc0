using System.Net;
using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// A resident's media link never makes the server call an address inside the city's network: loopback, private,
/// link-local, cloud-metadata and v6 loopback addresses, a name that resolves to loopback, and a redirect from an
/// allowed server to loopback are all refused before any connection is made (listeners on those addresses count zero
/// requests), and each photo says why.
/// </summary>
public sealed class MediaFetchPolicyTests
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Links_to_internal_addresses_are_refused_without_a_request_reaching_them()
    {
        using var v4 = Listener("http://127.0.0.1:0");
        using var v6 = Listener("http://[::1]:0");
        var v4Port = v4.Ports[0];
        var v6Port = v6.Ports[0];
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            // Any host name is allowed for the Emulator here, so only the address check stands in the way.
            ["Media:AllowedHosts:emulator:0"] = "*",
            ["Photos:Path"] = Path.Combine(Path.GetTempPath(), "channelbot-ssrf-" + Guid.NewGuid().ToString("N")),
        });
        using var http = app.CreateHttpClient();

        await FileAsync(http, connector, $"http://127.0.0.1:{v4Port}/latest/meta-data", "http://10.0.0.1/photo.png");
        await FileAsync(http, connector, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", $"http://[::1]:{v6Port}/photo.png");
        await FileAsync(http, connector, $"http://localhost:{v4Port}/photo.png");

        var photos = await SettledPhotosAsync(app, expected: 5);
        Assert.All(photos, p =>
        {
            Assert.Equal(PhotoStatus.Failed, p.Status);
            Assert.Contains("is not a public address", p.FailureReason, StringComparison.Ordinal);
        });
        Assert.Empty(v4.LogEntries);
        Assert.Empty(v6.LogEntries);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_server_to_loopback_is_refused_and_the_loopback_listener_counts_nothing()
    {
        // The "public" server is 127.0.0.1, allowed here as the city's own network would be; the redirect targets are
        // other loopback addresses, which are not.
        using var inside = Listener("http://127.0.0.2:0");
        using var v6 = Listener("http://[::1]:0");
        using var server = Listener("http://127.0.0.1:0");
        server.Given(Request.Create().WithPath("/to-v4").UsingGet()).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://127.0.0.2:{inside.Ports[0]}/admin"));
        server.Given(Request.Create().WithPath("/to-v6").UsingGet()).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", $"http://[::1]:{v6.Ports[0]}/admin"));
        server.Given(Request.Create().WithPath("/photo.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Media:AllowedHosts:emulator:0"] = "*",
            ["Media:AllowedPrivateNetworks:0"] = "127.0.0.1/32",
            ["Photos:Path"] = Path.Combine(Path.GetTempPath(), "channelbot-ssrf-" + Guid.NewGuid().ToString("N")),
        });
        using var http = app.CreateHttpClient();

        await FileAsync(http, connector, server.Url + "/to-v4", server.Url + "/to-v6");
        await FileAsync(http, connector, server.Url + "/photo.png");

        var photos = await SettledPhotosAsync(app, expected: 3);
        Assert.Equal(2, photos.Count(p => p.Status == PhotoStatus.Failed && p.FailureReason!.Contains("is not a public address", StringComparison.Ordinal)));
        Assert.Single(photos, p => p.Status == PhotoStatus.Stored);
        Assert.Empty(inside.LogEntries);
        Assert.Empty(v6.LogEntries);
        Assert.Equal(3, server.LogEntries.Count());
    }

    [Fact]
    public async Task A_host_the_channel_does_not_name_is_not_contacted_at_all()
    {
        using var server = Listener("http://127.0.0.1:0");
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Media:AllowedPrivateNetworks:0"] = "127.0.0.1/32",
            ["Photos:Path"] = Path.Combine(Path.GetTempPath(), "channelbot-ssrf-" + Guid.NewGuid().ToString("N")),
        });
        using var http = app.CreateHttpClient();

        await FileAsync(http, connector, server.Url + "/photo.png");

        var photo = Assert.Single(await SettledPhotosAsync(app, expected: 1));
        Assert.Equal(PhotoStatus.Failed, photo.Status);
        Assert.Equal("'127.0.0.1' is not a host emulator media may come from.", photo.FailureReason);
        Assert.Empty(server.LogEntries);
    }

    internal static WireMockServer Listener(string url) => WireMockServer.Start(new WireMockServerSettings { Urls = [url] });

    internal static async Task FileAsync(HttpClient http, FakeConnector connector, params string[] urls)
    {
        var resident = new EmulatorClient(http, connector, "media-" + Guid.NewGuid().ToString("N"));
        var receipt = await PotholeScript.FileWithPhotosAsync(resident, urls.Select(u => (u, "image/png")));
        Assert.Matches(@"311-\d{4}-\d{6}", receipt);
    }

    /// <summary>Every photo of every case, once none is pending any more (at most 30 s).</summary>
    internal static async Task<List<CasePhoto>> SettledPhotosAsync(ChannelBotApp app, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var photos = (await CaseRows.AllAsync(app.Services)).SelectMany(c => c.Photos).ToList();
            if (photos.Count == expected && photos.TrueForAll(p => p.Status != PhotoStatus.Pending))
            {
                return photos;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{photos.Count} photos, {photos.Count(p => p.Status == PhotoStatus.Pending)} still pending after 30 s: {string.Join(" | ", photos.Select(p => p.FailureReason))}");
            await Task.Delay(50);
        }
    }
}
