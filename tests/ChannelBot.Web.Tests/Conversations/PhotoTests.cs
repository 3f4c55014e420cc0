using ChannelBot.Domain.Cases;
using ChannelBot.Web.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>A resident's photo is copied from the channel into the city's photo store once the case is filed.</summary>
public sealed class PhotoTests : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly DirectoryInfo _photos = Directory.CreateTempSubdirectory("channelbot-photos-");
    private TestStorage _storage = null!;
    private FakeConnector _connector = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _connector = new FakeConnector();
        _connector.Server.Given(Request.Create().WithPath("/media/pothole.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(Png));
        _connector.Server.Given(Request.Create().WithPath("/media/page.html").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody("<html></html>"));
        _connector.Server.Given(Request.Create().WithPath("/media/huge.png").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(new byte[2048]));
        _app = ChannelBotApp.Start(_storage, new Dictionary<string, string?>
        {
            ["Photos:Path"] = _photos.FullName,
            ["Photos:MaxBytes"] = "1024",
        }.WithLoopbackMedia("emulator"));
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _connector.Dispose();
        await _storage.DisposeAsync();
        _photos.Delete(recursive: true);
    }

    [Fact]
    public async Task A_photo_sent_during_the_intake_is_stored_with_the_case()
    {
        var photo = await FileAsync("pothole.png");

        Assert.Equal(PhotoStatus.Stored, photo.Status);
        Assert.Equal(Png.Length, photo.SizeBytes);
        Assert.Equal(Png, await File.ReadAllBytesAsync(Path.Combine(_photos.FullName, photo.StoredPath!)));
    }

    [Theory]
    [InlineData("page.html", "is not a photo type")]
    [InlineData("huge.png", "larger than 1024 bytes")]
    [InlineData("missing.png", "answered 404")]
    public async Task A_photo_that_cannot_be_kept_is_marked_failed_with_the_reason(string file, string reason)
    {
        var photo = await FileAsync(file);

        Assert.Equal(PhotoStatus.Failed, photo.Status);
        Assert.Contains(reason, photo.FailureReason, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_photos.FullName, "*", SearchOption.AllDirectories));
    }

    /// <summary>Files a pothole report with one photo and waits until the photo is no longer pending.</summary>
    private async Task<CasePhoto> FileAsync(string file)
    {
        var resident = new EmulatorClient(_http, _connector, "photo-" + Guid.NewGuid().ToString("N"));
        await PotholeScript.StartAsync(resident);
        await PotholeScript.FinishAsync(resident, $"{_connector.Server.Url}/media/{file}");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var saved = Assert.Single(await CaseRows.AllAsync(_app.Services));
            var photo = Assert.Single(saved.Photos);
            if (photo.Status != PhotoStatus.Pending)
            {
                return photo;
            }

            Assert.True(DateTime.UtcNow < deadline, "The photo was still pending after 30 s.");
            await Task.Delay(50);
        }
    }
}
