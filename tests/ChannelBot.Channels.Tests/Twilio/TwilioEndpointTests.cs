using System.Net;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary><c>POST /api/twilio/messages</c> on Kestrel, configured with token 12345 and the public URL https://311.example.gov.</summary>
public sealed partial class TwilioEndpointTests : IAsyncLifetime
{
    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_signed_sms_is_answered_with_empty_twiml_and_reaches_the_inbox_mapped()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""<?xml version="1.0" encoding="UTF-8"?><Response/>""", await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("sms", stored.ChannelId);
        Assert.Equal("SM5f0c1d2e3f405162738495a6b7c8d9e0", stored.Id);
        Assert.Equal("+15551230000", stored.From?.Id);
        Assert.Equal("+15551230000", stored.Conversation?.Id);
        Assert.Equal("Pothole on Main St & 5th", stored.Text);
    }

    [Fact]
    public async Task A_signed_whatsapp_location_reaches_the_inbox_as_a_place()
    {
        var parameters = TwilioRequests.Sms("")
            .With("From", "whatsapp:+15551230000")
            .With("To", "whatsapp:+15559870000")
            .With("MessageType", "location")
            .With("Latitude", "39.9242266")
            .With("Longitude", "-83.8088171")
            .With("Label", "City Hall");

        using var response = await SendAsync(TwilioRequests.Signed(parameters));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("whatsapp", stored.ChannelId);
        Assert.Equal("whatsapp:+15551230000", stored.Conversation?.Id);
        Assert.Equal(new GeoPoint(39.9242266, -83.8088171, "City Hall"), GeoPoint.FromActivity(stored));
    }

    [Fact]
    public async Task A_signed_mms_with_unicode_text_reaches_the_inbox_with_its_media()
    {
        var parameters = TwilioRequests.Sms("Bache enorme en la calle Señor 🚧")
            .With("NumMedia", "1")
            .With("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")
            .With("MediaContentType0", "image/jpeg");

        using var response = await SendAsync(TwilioRequests.Signed(parameters));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("Bache enorme en la calle Señor 🚧", stored.Text);
        Assert.Equal("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", Assert.Single(stored.Attachments!).ContentUrl);
    }

    [Fact]
    public async Task The_query_string_twilio_called_is_part_of_what_is_signed()
    {
        using var response = await SendAsync(TwilioRequests.Signed(
            TwilioRequests.Sms(),
            signedUrl: TwilioTestHost.MessagesUrl + "?city=springfield&x=%27a%27",
            pathAndQuery: "/api/twilio/messages?city=springfield&x=%27a%27"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Sink.Received);
    }

    [Fact]
    public async Task A_signature_over_the_public_url_with_port_443_is_accepted()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: "https://311.example.gov:443/api/twilio/messages"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_message_is_acknowledged_again_and_dropped_by_the_inbox()
    {
        using var first = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms()));
        using var second = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms()));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, _host.Sink.Received.Count);
    }

    [Fact]
    public async Task A_keyword_that_reaches_the_dialog_is_stored_with_its_keyword_named()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms("YES")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("optInOnLongCode", Assert.Single(_host.Sink.Received).ChannelDataObject!.Value.GetProperty("keyword").GetString());
    }

    [Fact]
    public async Task A_tampered_parameter_is_refused_with_403_and_not_stored()
    {
        var request = TwilioRequests.Signed(TwilioRequests.Sms());
        request.Content = new FormUrlEncodedContent(TwilioRequests.Sms().With("Body", "Pothole on Main St & 6th"));

        using var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task An_added_parameter_is_refused_with_403()
    {
        var request = TwilioRequests.Signed(TwilioRequests.Sms());
        request.Content = new FormUrlEncodedContent(TwilioRequests.Sms().With("Injected", "1"));

        using var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://311.example.gov/api/twilio/messages")]
    [InlineData("https://attacker.example/api/twilio/messages")]
    [InlineData("https://311.example.gov/api/twilio/status")]
    [InlineData("https://311.example.gov/api/twilio/messages?city=springfield")]
    public async Task A_signature_over_another_url_is_refused_with_403(string signedUrl)
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: signedUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_signature_over_the_loopback_url_the_app_actually_sees_is_refused()
    {
        var loopbackUrl = new Uri(_host.Client.BaseAddress!, "/api/twilio/messages").ToString();

        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(), signedUrl: loopbackUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_query_string_added_to_the_called_url_is_refused_with_403()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(), pathAndQuery: "/api/twilio/messages?extra=1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_the_signature_header_is_refused_with_403()
    {
        using var response = await SendAsync(TwilioRequests.Unsigned(TwilioRequests.Sms()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_signature_made_with_another_token_is_refused_with_403()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(), authToken: "54321"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_json_body_is_accepted_and_mapped_like_the_form()
    {
        const string json = """{"MessageSid":"SM0000000000000000000000000000000b","From":"+15551230000","To":"+15559870000","Body":"Graffiti on the library"}""";

        using var response = await SendAsync(TwilioRequests.SignedJson(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("SM0000000000000000000000000000000b", stored.Id);
        Assert.Equal("Graffiti on the library", stored.Text);
    }

    [Fact]
    public async Task A_json_body_changed_by_one_byte_is_refused_with_403()
    {
        const string json = """{"MessageSid":"SM0000000000000000000000000000000b","From":"+15551230000","Body":"Graffiti on the library"}""";
        var request = TwilioRequests.SignedJson(json);
        request.Content = new StringContent(json.Replace("library", "librarz", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await _host.Client.SendAsync(request);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add(TwilioSignature.HeaderName, "c2lnbmF0dXJl");
        return await SendAsync(request);
    }

    /// <summary>A body whose length the client cannot know in advance, so it goes out chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
