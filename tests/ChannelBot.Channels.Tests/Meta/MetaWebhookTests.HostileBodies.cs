using System.Net;
using System.Text;
using System.Text.Json;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>Messenger webhook bodies that are re-serialized, unsigned, wrongly signed, malformed, unusable, too large or of another media type.</summary>
public sealed partial class MetaWebhookTests
{
    [Fact]
    public async Task A_body_with_unicode_escapes_is_accepted_on_its_raw_bytes_and_decoded()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("unicode"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Straße bei der Märktbrücke – großes Loch / 🚧", Assert.Single(_host.Sink.Received).Text);
    }

    [Fact]
    public async Task The_same_body_re_serialized_under_the_original_signature_is_forbidden()
    {
        var raw = MetaFixtures.Read("unicode");
        var signature = MetaSignature.Compute(MetaTestHost.AppSecret, raw);
        var reserialized = Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(raw)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        using var response = await _host.PostAsync(reserialized, headers: new Dictionary<string, string> { [MetaSignature.HeaderName] = signature });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task The_sha1_header_alone_is_forbidden_even_when_it_is_right()
    {
        var body = MetaFixtures.Read("text");
        var sha1 = "sha1=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(MetaTestHost.AppSecret), body));

        using var response = await _host.PostAsync(body, headers: new Dictionary<string, string> { [MetaSignature.LegacyHeaderName] = sha1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task The_sha256_digest_in_the_sha1_header_is_forbidden()
    {
        var body = MetaFixtures.Read("text");
        var digest = MetaSignature.Compute(MetaTestHost.AppSecret, body);

        using var response = await _host.PostAsync(body, headers: new Dictionary<string, string> { [MetaSignature.LegacyHeaderName] = digest[7..] });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_post_and_one_signed_with_another_secret_are_forbidden()
    {
        using var unsigned = await _host.PostAsync(MetaFixtures.Read("text"), secret: null);
        using var other = await _host.PostAsync(MetaFixtures.Read("text"), secret: "another-app-secret");

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"object\":\"page\"}")]
    [InlineData("{\"object\":\"page\",\"entry\":{}}")]
    [InlineData("{\"object\":\"page\",\"entry\":[1]}")]
    [InlineData("{\"object\":\"page\",\"entry\":[{\"messaging\":{}}]}")]
    public async Task A_signed_malformed_body_is_a_bad_request_never_a_server_error(string body)
    {
        using var response = await _host.PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":7},"recipient":{"id":"104700000000001"},"message":{"mid":"m1","text":"x"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"recipient":{"id":"104700000000001"},"message":{"mid":"m1","text":"x"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"message":{"text":"x"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"optin":{"type":"notification_messages"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"999"},"message":{"mid":"m1","text":"x"}}]}]}""")]
    [InlineData("""{"object":"instagram","entry":[{"id":"1","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"message":{"mid":"m1","text":"x"}}]}]}""")]
    public async Task An_event_this_bot_cannot_use_is_acknowledged_and_not_stored(string body)
    {
        using var response = await _host.PostAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[],\"pad\":\"" + new string('x', 20_000) + "\"}");

        using var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_its_media_type_is_refused_with_415()
    {
        var body = MetaFixtures.Read("text");
        using var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, MetaSignature.Compute(MetaTestHost.AppSecret, body));

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
