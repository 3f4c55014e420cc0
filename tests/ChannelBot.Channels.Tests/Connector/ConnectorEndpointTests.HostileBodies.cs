using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary>Connector bodies that are malformed, incomplete, too large, of another media type or method, and posts the store cannot take or nobody signed.</summary>
public sealed partial class ConnectorEndpointTests
{
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
}
