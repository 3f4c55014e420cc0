using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary><c>POST /api/chat/session</c>: a token for a page, never the secret; allowed origins (CORS); a rate limit.</summary>
public sealed class DirectLineSessionTests : IAsyncLifetime
{
    private const string CitySite = "https://www.city.example.gov";

    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["DirectLine:AllowedOrigins:0"] = CitySite,
        ["DirectLine:SessionBurst"] = "3",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_session_gives_a_token_for_a_new_conversation_that_starts_it_and_no_secret()
    {
        using var response = await _host.Client.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(DirectLineTestHost.Secret, body, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("token").GetString();
        var userId = json.RootElement.GetProperty("userId").GetString();
        Assert.Equal(userId, new JsonWebToken(token).GetPayloadValue<string>("user"));
        Assert.Equal($"{_host.BaseAddress.GetLeftPart(UriPartial.Authority)}/v3/directline", json.RootElement.GetProperty("domain").GetString());

        var client = new DirectLineTestClient(_host.Client, token);
        using var start = await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal(json.RootElement.GetProperty("conversationId").GetString(), client.ConversationId);
    }

    [Fact]
    public async Task An_allowed_origin_gets_CORS_headers_and_its_preflight_is_answered()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations/abc/activities");
        preflight.Headers.Add("Origin", CitySite);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var preflightResponse = await _host.Client.SendAsync(preflight);

        using var session = new HttpRequestMessage(HttpMethod.Post, "/api/chat/session");
        session.Headers.Add("Origin", CitySite);
        using var sessionResponse = await _host.Client.SendAsync(session);

        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal(CitySite, preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-ms-bot-agent", string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, sessionResponse.StatusCode);
        Assert.Equal(CitySite, sessionResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Another_origin_gets_no_session_and_no_CORS_headers()
    {
        using var session = new HttpRequestMessage(HttpMethod.Post, "/api/chat/session");
        session.Headers.Add("Origin", "https://evil.example.com");
        using var response = await _host.Client.SendAsync(session);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        preflight.Headers.Add("Origin", "https://evil.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var preflightResponse = await _host.Client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_apps_own_origin_may_open_a_session()
    {
        using var session = new HttpRequestMessage(HttpMethod.Post, "/api/chat/session");
        session.Headers.Add("Origin", _host.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await _host.Client.SendAsync(session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_sessions_from_one_address_get_429_with_Retry_After()
    {
        for (var i = 0; i < 3; i++)
        {
            using var ok = await _host.Client.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await _host.Client.PostAsync(new Uri("/api/chat/session", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }
}
