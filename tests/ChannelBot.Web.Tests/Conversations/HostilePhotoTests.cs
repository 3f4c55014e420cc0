using System.Net;
using System.Net.Http.Headers;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// A resident's file never reaches staff as something a browser would run: an SVG with a script is not taken as a
/// photo, a script declared as a PNG is refused by its bytes, a real photo is kept with the type its bytes show, and
/// every photo is served with nosniff, a sandboxing CSP and a Content-Disposition.
/// </summary>
public sealed class HostilePhotoTests
{
    public const string Svg = """<svg xmlns="http://www.w3.org/2000/svg"><script>fetch('/pwned');alert(document.cookie)</script></svg>""";
    public const string Script = "<html><script>alert(document.cookie)</script></html>";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_svg_is_not_taken_as_a_photo_a_script_declared_png_is_refused_and_a_real_photo_keeps_the_type_of_its_bytes()
    {
        using var server = MediaFetchPolicyTests.Listener("http://127.0.0.1:0");
        server.Given(Request.Create().WithPath("/evil.svg").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/svg+xml").WithBody(Svg));
        server.Given(Request.Create().WithPath("/evil.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Script));
        server.Given(Request.Create().WithPath("/real.gif").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/gif").WithBody(Png));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        var folder = Directory.CreateTempSubdirectory("channelbot-hostile-photos-");
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?>
        {
            ["Photos:Path"] = folder.FullName,
        }.WithLoopbackMedia("emulator").WithOperator());
        using var http = app.CreateHttpClient();

        var resident = new EmulatorClient(http, connector, "hostile-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.FileWithPhotosAsync(resident, [(server.Url + "/evil.svg", "image/svg+xml"), (server.Url + "/evil.png", "image/png")]);
        await MediaFetchPolicyTests.FileAsync(http, connector, server.Url + "/real.gif");

        var photos = await MediaFetchPolicyTests.SettledPhotosAsync(app, expected: 2);
        var refused = Assert.Single(photos, p => p.Status == PhotoStatus.Failed);
        Assert.EndsWith("/evil.png", refused.SourceUrl, StringComparison.Ordinal);
        Assert.Contains("is not a photo type", refused.FailureReason, StringComparison.Ordinal);
        var kept = Assert.Single(photos, p => p.Status == PhotoStatus.Stored);
        Assert.Equal("image/png", kept.ContentType);
        Assert.DoesNotContain(server.LogEntries, e => e.RequestMessage.Path == "/evil.svg");

        var ticket = (await CaseRows.AllAsync(app.Services)).Single(c => c.Photos.Any(p => p.Status == PhotoStatus.Stored)).Ticket.ToString();
        using var response = await GetPhotoAsync(http, $"/api/cases/{ticket}/photos/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        AssertServedSafely(response, "inline");
    }

    [Fact]
    public async Task A_file_kept_before_types_came_from_the_bytes_is_served_as_an_opaque_download()
    {
        using var server = MediaFetchPolicyTests.Listener("http://127.0.0.1:0");
        server.Given(Request.Create().WithPath("/real.png").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        await using var storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        using var connector = new FakeConnector();
        var folder = Directory.CreateTempSubdirectory("channelbot-hostile-photos-");
        await using var app = ChannelBotApp.Start(storage, new Dictionary<string, string?> { ["Photos:Path"] = folder.FullName }.WithLoopbackMedia("emulator").WithOperator());
        using var http = app.CreateHttpClient();
        await MediaFetchPolicyTests.FileAsync(http, connector, server.Url + "/real.png");
        var stored = Assert.Single(await MediaFetchPolicyTests.SettledPhotosAsync(app, expected: 1));

        // What an earlier version could have kept: the resident's SVG, with the type it declared.
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, stored.StoredPath!), Svg);
        var factory = app.Services.GetRequiredService<IDbContextFactory<ChannelBotDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"CasePhotos\" SET \"ContentType\" = 'image/svg+xml'");
        }

        var ticket = Assert.Single(await CaseRows.AllAsync(app.Services)).Ticket.ToString();
        using var response = await GetPhotoAsync(http, $"/api/cases/{ticket}/photos/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        AssertServedSafely(response, "attachment");
    }

    private static void AssertServedSafely(HttpResponseMessage response, string disposition)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("sandbox", csp, StringComparison.Ordinal);
        Assert.Equal(disposition, response.Content.Headers.ContentDisposition!.DispositionType);
    }

    private static Task<HttpResponseMessage> GetPhotoAsync(HttpClient http, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", StaffApi.OperatorKey);
        return http.SendAsync(request);
    }
}
