using System.Net;
using System.Text;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>What is not an activity gets a clear 4xx from the running app, never a 500.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(_storage);
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("""{"id":"1","channelId":"emulator","conversation":{"id":"c"},"from":{"id":"u"},"text":"hi"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"message","text":"no conversation, no channel"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"someFutureType","id":"1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"from":{"id":"u"}}""", HttpStatusCode.OK)]
    public async Task Bodies_that_are_not_activities_get_a_clear_answer(string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/messages", content);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var text = new string('a', 300_000);
        using var content = new StringContent($$"""{"type":"message","text":"{{text}}"}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_by_media_type()
    {
        using var content = new StringContent("type=message", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await _http.PostAsync("/api/messages", content);

        Assert.True(response.StatusCode is HttpStatusCode.UnsupportedMediaType or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_api_messages_get_405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var live = await _http.GetAsync("/health/live");
        using var ready = await _http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
