using System.Net;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Twilio webhook bodies that are too large, garbled, of another media type or missing what a message needs, status callbacks sent here, and other methods.</summary>
public sealed partial class TwilioEndpointTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms(new string('x', 9000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_content_length_is_refused_with_413()
    {
        var request = TwilioRequests.Signed(TwilioRequests.Sms());
        var bytes = Encoding.ASCII.GetBytes("Body=" + new string('x', 9000));
        request.Content = new StreamContent(new UnseekableStream(bytes));
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.TransferEncodingChunked = true;

        using var response = await SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("Body=%zz&From=%2B1555")]
    [InlineData("=nameless")]
    [InlineData("Body=%C3%28")]
    public async Task A_garbled_form_is_refused_with_400(string body)
    {
        using var response = await SendRawAsync(Encoding.ASCII.GetBytes(body), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task Binary_garbage_is_refused_with_400()
    {
        var garbage = Enumerable.Range(0, 512).Select(i => (byte)(i * 37 % 256)).ToArray();

        using var response = await SendRawAsync(garbage, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    public async Task Garbled_json_is_refused_with_400(string body)
    {
        using var response = await SendRawAsync(Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded; charset=iso-8859-1")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Another_media_type_is_refused_with_415(string contentType)
    {
        using var response = await SendRawAsync("Body=hi"u8.ToArray(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_a_content_type_is_refused_with_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/messages") { Content = new ByteArrayContent("Body=hi"u8.ToArray()) };
        request.Headers.Add(TwilioSignature.HeaderName, "c2lnbmF0dXJl");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("MessageSid")]
    [InlineData("From")]
    public async Task A_signed_request_missing_its_message_id_or_sender_is_refused_with_400(string name)
    {
        var parameters = TwilioRequests.Sms().Without(name).Without("SmsMessageSid").Without("SmsSid");

        using var response = await SendAsync(TwilioRequests.Signed(parameters));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_signed_status_callback_sent_here_is_acknowledged_and_not_stored()
    {
        using var response = await SendAsync(TwilioRequests.Signed(TwilioRequests.Sms("").With("MessageStatus", "delivered")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_get_is_not_routed_to_the_webhook()
    {
        using var response = await _host.Client.GetAsync(new Uri("/api/twilio/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
