using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary><c>/api/messages</c> on Kestrel, without an App ID (authentication off), as a local Emulator session uses it.</summary>
public sealed partial class ConnectorEndpointTests : IAsyncLifetime
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
