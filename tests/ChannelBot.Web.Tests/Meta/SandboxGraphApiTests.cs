using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Meta;
using ChannelBot.Sandbox.Meta;
using ChannelBot.Web.Tests.Support;

namespace ChannelBot.Web.Tests.Meta;

/// <summary>
/// The Meta sandbox (issue 5): in Development with no Meta settings, Messenger runs against the fake Graph API built
/// into the app, and events signed with the development app secret pass the real webhook; in any other environment
/// its routes do not exist.
/// </summary>
public sealed class SandboxGraphApiTests : IAsyncLifetime
{
    private const string Psid = "6512300000000077";

    private TestStorage _storage = null!;
    private ChannelBotApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(TestStorage.Sqlite);
        _app = ChannelBotApp.Start(_storage, environment: "Development");
        _http = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task In_development_a_signed_messenger_event_is_answered_through_the_built_in_graph_api()
    {
        using var posted = await PostEventAsync(Event("m_sandbox_1", "there's a huge pothole in the road"), MetaOptions.DefaultDevelopmentAppSecret);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var received = await WaitForMessagesAsync(1);
        var answer = received[0]!;
        Assert.Contains("Where is it?", (string?)answer["text"], StringComparison.Ordinal);
        Assert.Equal(MetaMessagingTypes.Response, (string?)answer["messagingType"]);
        Assert.StartsWith("m_", (string?)answer["mid"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_the_sandbox_did_not_sign_with_the_development_secret_are_refused()
    {
        using var wrongSecret = await PostEventAsync(Event("m_sandbox_2", "hi"), "not-the-development-secret");
        using var unsigned = await PostEventAsync(Event("m_sandbox_3", "hi"), secret: null);

        Assert.Equal(HttpStatusCode.Forbidden, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(0, await CaseRows.InboundCountAsync(_app.Services));
    }

    [Theory]
    [InlineData(null, 2500)]
    [InlineData("EAAGnot-the-sandbox-token", 190)]
    public async Task The_fake_send_api_wants_the_sandbox_page_token(string? token, int code)
    {
        using var response = await SendAsync(TextBody("hello"), token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await ErrorAsync(response))!;
        Assert.Equal(code, (int?)error["code"]);
        Assert.Equal("OAuthException", (string?)error["type"]);
        Assert.False(string.IsNullOrEmpty((string?)error["fbtrace_id"]));
        Assert.Empty(await ReceivedAsync());
    }

    [Theory]
    [InlineData("""{"messaging_type":"RESPONSE","message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"not-a-psid"},"messaging_type":"RESPONSE","message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"MESSAGE_TAG","tag":"ACCOUNT_UPDATE","message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"RESPONSE","message":{"text":"hi","attachment":{"type":"image","payload":{"url":"http://127.0.0.1/p.png"}}}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"RESPONSE","message":{"text":"hi","quick_replies":[{"content_type":"text","title":"A title that is too long","payload":"X"}]}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"image","payload":{"url":"ftp://example.org/p.png"}}}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"sender_action":"typing_on","messaging_type":"RESPONSE","message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"RESPONSE","message":{"template":{"name":"case_update","language":{"code":"en"}}}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"UTILITY","message":{"template":{"language":{"code":"en"}}}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"UTILITY","message":{"text":"hi"}}""")]
    [InlineData("""{"recipient":{"id":"6512300000000077"},"messaging_type":"UTILITY","message":{"template":{"name":"case_update","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"image"}]}]}}}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"recipient":""")]
    public async Task The_fake_send_api_refuses_what_graph_refuses_with_error_100(string body)
    {
        using var response = await SendAsync(body, MetaSandbox.PageAccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MetaErrorCodes.InvalidParameter, (int?)(await ErrorAsync(response))!["code"]);
        Assert.Empty(await ReceivedAsync());
    }

    [Fact]
    public async Task The_fake_send_api_refuses_more_than_13_quick_replies()
    {
        var replies = new JsonArray([.. Enumerable.Range(1, 14).Select(n => (JsonNode)new JsonObject { ["content_type"] = "text", ["title"] = $"Option {n}", ["payload"] = $"P{n}" })]);
        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = Psid },
            ["messaging_type"] = "RESPONSE",
            ["message"] = new JsonObject { ["text"] = "Pick one", ["quick_replies"] = replies },
        };

        using var response = await SendAsync(body.ToJsonString(), MetaSandbox.PageAccessToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MetaErrorCodes.InvalidParameter, (int?)(await ErrorAsync(response))!["code"]);
    }

    [Fact]
    public async Task The_fake_send_api_keeps_a_message_with_its_quick_replies_and_answers_a_typing_indicator_without_a_message_id()
    {
        var body = """{"recipient":{"id":"6512300000000077"},"messaging_type":"UPDATE","message":{"text":"Pick one","quick_replies":[{"content_type":"text","title":"Yes","payload":"yes"}]}}""";

        using var sent = await SendAsync(body, MetaSandbox.PageAccessToken, viaQuery: true);
        using var typing = await SendAsync("""{"recipient":{"id":"6512300000000077"},"sender_action":"typing_on"}""", MetaSandbox.PageAccessToken);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var answer = JsonNode.Parse(await sent.Content.ReadAsStringAsync())!;
        Assert.Equal(Psid, (string?)answer["recipient_id"]);
        Assert.StartsWith("m_", (string?)answer["message_id"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        Assert.Null(JsonNode.Parse(await typing.Content.ReadAsStringAsync())!["message_id"]);
        var kept = Assert.Single(await ReceivedAsync())!;
        Assert.Equal((string?)answer["message_id"], (string?)kept["mid"]);
        Assert.Equal("Pick one", (string?)kept["text"]);
        Assert.Equal("UPDATE", (string?)kept["messagingType"]);
        Assert.Equal("yes", (string?)kept["quickReplies"]![0]!["payload"]);
    }

    [Fact]
    public async Task The_fake_send_api_keeps_the_utility_template_the_messenger_sender_composes_outside_the_window()
    {
        var body = MetaMessageComposer.UtilityTemplate(Psid, new MessengerUtilityTemplate("case_update", "en", ["311-2026-000123", "Fixed"]));

        using var sent = await SendAsync(body.ToJsonString(), MetaSandbox.PageAccessToken);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var kept = Assert.Single(await ReceivedAsync())!;
        Assert.Equal("[case_update] 311-2026-000123 · Fixed", (string?)kept["text"]);
        Assert.Equal("UTILITY", (string?)kept["messagingType"]);
    }

    [Fact]
    public async Task The_fake_send_api_answers_graphs_error_for_an_unknown_version()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/meta/latest/me/messages") { Content = new StringContent(TextBody("hi"), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetaSandbox.PageAccessToken);

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2500, (int?)(await ErrorAsync(response))!["code"]);
    }

    [Fact]
    public async Task What_a_resident_received_needs_a_psid()
    {
        using var response = await _http.GetAsync(new Uri(MetaSandbox.ReceivedPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string TextBody(string text) =>
        new JsonObject { ["recipient"] = new JsonObject { ["id"] = Psid }, ["messaging_type"] = "RESPONSE", ["message"] = new JsonObject { ["text"] = text } }.ToJsonString();

    private static byte[] Event(string mid, string text)
    {
        var delivery = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = MetaSandbox.PageId,
                ["time"] = 1_764_400_000_000,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = Psid },
                    ["recipient"] = new JsonObject { ["id"] = MetaSandbox.PageId },
                    ["timestamp"] = 1_764_400_000_000,
                    ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
                }),
            }),
        };
        return Encoding.UTF8.GetBytes(delivery.ToJsonString());
    }

    private async Task<HttpResponseMessage> PostEventAsync(byte[] body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            request.Headers.Add(MetaSignature.HeaderName, MetaSignature.Compute(secret, body));
        }

        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(string body, string? token, bool viaQuery = false)
    {
        var path = $"/sandbox/meta/{MetaOptions.DefaultGraphVersion}/me/messages" + (viaQuery && token is not null ? "?access_token=" + Uri.EscapeDataString(token) : string.Empty);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null && !viaQuery)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode?> ErrorAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"];

    private async Task<JsonArray> ReceivedAsync()
    {
        using var response = await _http.GetAsync(new Uri($"{MetaSandbox.ReceivedPath}?psid={Psid}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["messages"]!.AsArray();
    }

    private async Task<JsonArray> WaitForMessagesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var received = await ReceivedAsync();
            if (received.Count >= count)
            {
                return received;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{Psid} received {received.Count} of {count} messages.");
            await Task.Delay(25);
        }
    }
}
