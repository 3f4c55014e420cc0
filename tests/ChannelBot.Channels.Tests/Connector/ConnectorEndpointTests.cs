using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary><c>/api/messages</c> on Kestrel, without an App ID (authentication off), as a local Emulator session uses it.</summary>
public sealed class ConnectorEndpointTests : IAsyncLifetime
{
    private const string EmulatorMessage = """
        {
          "type": "message",
          "id": "4f1c2b7a-0000-4000-8000-000000000001",
          "timestamp": "2026-11-23T18:21:46.051Z",
          "localTimestamp": "2026-11-23T10:21:46.044-08:00",
          "serviceUrl": "http://localhost:52144",
          "channelId": "emulator",
          "from": { "id": "5e2a8c3d-user", "name": "User", "role": "user" },
          "recipient": { "id": "bot-1", "name": "Bot", "role": "bot" },
          "conversation": { "id": "conv-7|livechat" },
          "text": "there is a pothole on Main Street",
          "locale": "en-US",
          "channelData": { "clientActivityID": "rjlpkvd36tk" },
          "callerId": "urn:botframework:azure",
          "x-custom": { "kept": [1, 2, 3] }
        }
        """;

    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorTestHost.StartAsync(new Dictionary<string, string?> { ["Connector:MaxBodyBytes"] = "4096" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_is_acknowledged_with_an_empty_200_and_stored_once_with_its_fields_intact()
    {
        using var response = await PostAsync(EmulatorMessage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("4f1c2b7a-0000-4000-8000-000000000001", stored.Id);
        Assert.Equal("emulator", stored.ChannelId);
        Assert.Equal("http://localhost:52144", stored.ServiceUrl);
        Assert.Equal("conv-7|livechat", stored.Conversation?.Id);
        Assert.Equal("5e2a8c3d-user", stored.From?.Id);
        Assert.Equal("there is a pothole on Main Street", stored.Text);
        Assert.Equal("rjlpkvd36tk", stored.ChannelDataObject?.GetProperty("clientActivityID").GetString());
        Assert.Equal([1, 2, 3], stored.Properties!["x-custom"].GetProperty("kept").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_caller_id_sent_by_an_unauthenticated_client_is_not_passed_on()
    {
        using var response = await PostAsync(EmulatorMessage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(_host.Sink.Received).CallerId);
    }

    [Fact]
    public async Task A_redelivered_message_is_acknowledged_again_and_dropped_by_the_sink()
    {
        using var first = await PostAsync(EmulatorMessage);
        using var second = await PostAsync(EmulatorMessage);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _host.Sink.Received.Count);
    }

    [Fact]
    public async Task An_activity_without_an_id_is_given_one_before_it_is_stored()
    {
        using var response = await PostAsync(Without(EmulatorMessage, "id"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Guid.TryParse(Assert.Single(_host.Sink.Received).Id, out _));
    }

    [Fact]
    public async Task The_Emulators_opening_conversation_update_is_stored_with_both_members_added()
    {
        const string opening = """
            {
              "type": "conversationUpdate",
              "id": "b8f3d9e0-0000-4000-8000-000000000000",
              "timestamp": "2026-11-23T18:20:00.000Z",
              "serviceUrl": "http://localhost:52144",
              "channelId": "emulator",
              "from": { "id": "5e2a8c3d-user", "name": "User", "role": "user" },
              "conversation": { "id": "conv-7|livechat" },
              "recipient": { "id": "bot-1", "name": "Bot", "role": "bot" },
              "membersAdded": [ { "id": "5e2a8c3d-user", "name": "User" }, { "id": "bot-1", "name": "Bot" } ],
              "membersRemoved": [],
              "locale": "en-US"
            }
            """;

        using var response = await PostAsync(opening);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal(["5e2a8c3d-user", "bot-1"], stored.MembersAdded!.Select(m => m.Id));
        Assert.Equal("bot-1", stored.Recipient?.Id);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("event")]
    [InlineData("endOfConversation")]
    [InlineData("deleteUserData")]
    public async Task Activities_a_turn_must_see_are_stored(string type)
    {
        using var response = await PostAsync(WithType(EmulatorMessage, type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, Assert.Single(_host.Sink.Received).Type);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNobodyDefined")]
    public async Task Activities_no_turn_needs_are_acknowledged_and_not_stored(string type)
    {
        using var response = await PostAsync(WithType(EmulatorMessage, type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task An_invoke_is_answered_501_as_the_SDK_answers_an_unhandled_invoke()
    {
        using var response = await PostAsync(WithType(EmulatorMessage, "invoke"));

        await AssertErrorAsync(response, HttpStatusCode.NotImplemented, ConnectorErrorCodes.NotImplemented);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task An_expect_replies_caller_gets_an_empty_activity_list_in_the_body()
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(EmulatorMessage)!;
        json["deliveryMode"] = JsonSerializer.SerializeToElement("expectReplies");

        using var response = await PostAsync(JsonSerializer.Serialize(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"activities":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Single(_host.Sink.Received);
    }

    [Fact]
    public async Task Malformed_JSON_is_answered_400_with_the_Bot_Framework_error_shape()
    {
        using var response = await PostAsync("""{"type":"message", "text": """);

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ConnectorErrorCodes.BadArgument);
        Assert.StartsWith("The body is not a JSON activity object", error.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Sink.Received);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"message\"")]
    [InlineData("""{"type": 42}""")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_object_is_answered_400(string body)
    {
        using var response = await PostAsync(body);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ConnectorErrorCodes.BadArgument);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task An_activity_without_a_type_is_answered_400()
    {
        using var response = await PostAsync(Without(EmulatorMessage, "type"));

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ConnectorErrorCodes.BadArgument);
        Assert.Equal("The activity has no type.", error.Message);
    }

    [Theory]
    [InlineData("channelId", "The activity has no channelId.")]
    [InlineData("conversation", "The activity has no conversation.id.")]
    [InlineData("from", "The activity has no from.id.")]
    [InlineData("serviceUrl", "The activity has no absolute http(s) serviceUrl.")]
    public async Task A_message_missing_a_field_a_reply_needs_is_answered_400_naming_it(string field, string expectedMessage)
    {
        using var response = await PostAsync(Without(EmulatorMessage, field));

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, ConnectorErrorCodes.BadArgument);
        Assert.Equal(expectedMessage, error.Message);
        Assert.Empty(_host.Sink.Received);
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("ftp://files.example.org/")]
    [InlineData("not a url")]
    public async Task A_service_url_that_is_not_absolute_http_is_answered_400(string serviceUrl)
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(EmulatorMessage)!;
        json["serviceUrl"] = JsonSerializer.SerializeToElement(serviceUrl);

        using var response = await PostAsync(JsonSerializer.Serialize(json));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, ConnectorErrorCodes.BadArgument);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413_and_nothing_is_stored()
    {
        using var response = await PostAsync(Padded(EmulatorMessage, 5000));

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ConnectorErrorCodes.MessageSizeTooBig);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413_and_nothing_is_stored()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded(EmulatorMessage, 5000))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, ConnectorRoutes.MessagesPath) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _host.Client.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ConnectorErrorCodes.MessageSizeTooBig);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_body_megabytes_over_the_limit_still_gets_its_413()
    {
        using var response = await PostAsync(Padded(EmulatorMessage, 3 * 1024 * 1024));

        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, ConnectorErrorCodes.MessageSizeTooBig);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        using var response = await PostAsync(Padded(EmulatorMessage, 4096));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Sink.Received);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task A_body_that_is_not_UTF8_JSON_is_answered_415(string contentType)
    {
        using var content = new StringContent(EmulatorMessage, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await _host.Client.PostAsync(ConnectorRoutes.MessagesPath, content);

        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, ConnectorErrorCodes.UnsupportedMediaType);
        Assert.Empty(_host.Sink.Received);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Methods_other_than_POST_are_answered_405_with_an_Allow_header(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), ConnectorRoutes.MessagesPath);
        if (method == "PUT")
        {
            request.Content = new StringContent(EmulatorMessage, Encoding.UTF8, "application/json");
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_store_that_is_down_is_answered_503_not_500()
    {
        await using var host = await ConnectorTestHost.StartAsync(sinkOverride: new UnavailableInboundSink());

        using var response = await host.Client.PostAsync(ConnectorRoutes.MessagesPath, new StringContent(EmulatorMessage, Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.ServiceUnavailable, ConnectorErrorCodes.ServiceUnavailable);
    }

    [Theory]
    [InlineData("sms", "http://localhost:52144")]
    [InlineData("facebook", "http://localhost:52144")]
    [InlineData("whatsapp", "http://127.0.0.1:52144")]
    [InlineData("emulator", "http://169.254.169.254/latest/")]
    [InlineData("emulator", "https://attacker.example/")]
    [InlineData("emulator", "http://10.0.0.1:8080/")]
    public async Task An_anonymous_post_is_the_emulator_on_this_machine_or_nothing(string channelId, string serviceUrl)
    {
        var body = EmulatorMessage.Replace("\"channelId\": \"emulator\"", $"\"channelId\": \"{channelId}\"", StringComparison.Ordinal)
            .Replace("\"serviceUrl\": \"http://localhost:52144\"", $"\"serviceUrl\": \"{serviceUrl}\"", StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Theory]
    [InlineData("http://localhost:52144")]
    [InlineData("http://127.0.0.1:52144/")]
    [InlineData("http://[::1]:52144/")]
    public async Task An_anonymous_emulator_post_with_a_loopback_service_url_is_accepted(string serviceUrl)
    {
        var body = EmulatorMessage.Replace("\"serviceUrl\": \"http://localhost:52144\"", $"\"serviceUrl\": \"{serviceUrl}\"", StringComparison.Ordinal);

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Sink.Received);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _host.Client.PostAsync(ConnectorRoutes.MessagesPath, new StringContent(body, Encoding.UTF8, "application/json"));

    internal static async Task<ErrorDetail> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), SchemaJsonContext.Default.ErrorResponse);
        Assert.NotNull(body?.Error);
        Assert.Equal(code, body.Error.Code);
        Assert.False(string.IsNullOrWhiteSpace(body.Error.Message));
        return body.Error;
    }

    private static string Without(string json, string property)
    {
        var activity = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        Assert.True(activity.Remove(property));
        return JsonSerializer.Serialize(activity);
    }

    private static string WithType(string json, string type)
    {
        var activity = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        activity["type"] = JsonSerializer.SerializeToElement(type);
        return JsonSerializer.Serialize(activity);
    }

    /// <summary>The activity with a <c>summary</c> that brings it to exactly <paramref name="totalBytes"/> bytes of UTF-8.</summary>
    private static string Padded(string json, int totalBytes)
    {
        var activity = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        activity["summary"] = JsonSerializer.SerializeToElement(string.Empty);
        var length = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(activity));
        activity["summary"] = JsonSerializer.SerializeToElement(new string('x', totalBytes - length));
        var padded = JsonSerializer.Serialize(activity);
        Assert.Equal(totalBytes, Encoding.UTF8.GetByteCount(padded));
        return padded;
    }
}
