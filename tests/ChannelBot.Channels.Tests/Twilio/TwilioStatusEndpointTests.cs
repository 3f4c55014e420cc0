using System.Net;
using ChannelBot.Application.Messaging;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary><c>POST /api/twilio/status</c> on Kestrel: signed like inbound messages, the outbox row named in the URL.</summary>
public sealed class TwilioStatusEndpointTests : IAsyncLifetime
{
    private const string StatusUrl = TwilioTestHost.PublicBaseUrl + "/api/twilio/status";

    private TwilioTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TwilioTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_signed_callback_records_the_status_for_the_outbox_row_in_its_url()
    {
        using var response = await PostAsync(Callback("delivered"), "?outbox=42");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = Assert.Single(_host.Deliveries.Reports);
        Assert.Equal(new DeliveryReport(42, "SM000000000000000000000000000000ab", "delivered", DeliveryStatusRank.Of("delivered"), null, report.At), report);
    }

    [Fact]
    public async Task An_undelivered_callback_keeps_its_error_code()
    {
        using var response = await PostAsync(Callback("undelivered").With("ErrorCode", "30003"), "?outbox=7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("30003", Assert.Single(_host.Deliveries.Reports).ErrorCode);
    }

    [Fact]
    public async Task A_callback_reporting_21610_opts_the_address_out()
    {
        using var response = await PostAsync(Callback("failed").With("ErrorCode", "21610"), string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_host.Consent.IsOptedOut(ChannelIds.Sms, "+15551230000"));
    }

    [Fact]
    public async Task A_callback_signed_for_the_message_url_is_refused()
    {
        using var request = TwilioRequests.Signed(Callback("sent"), signedUrl: TwilioTestHost.MessagesUrl, pathAndQuery: "/api/twilio/status");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_host.Deliveries.Reports);
    }

    [Fact]
    public async Task A_callback_with_a_tampered_outbox_id_is_refused()
    {
        using var request = TwilioRequests.Signed(Callback("sent"), signedUrl: StatusUrl + "?outbox=1", pathAndQuery: "/api/twilio/status?outbox=2");
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_callback_without_a_status_is_refused_with_400()
    {
        using var response = await PostAsync(Callback("sent").Where(p => p.Key is not ("MessageStatus" or "SmsStatus")).ToList(), string.Empty);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Callback(string status) =>
    [
        new("MessageSid", "SM000000000000000000000000000000ab"),
        new("SmsSid", "SM000000000000000000000000000000ab"),
        new("MessageStatus", status),
        new("SmsStatus", status),
        new("AccountSid", TwilioTestHost.AccountSid),
        new("From", "+15559870000"),
        new("To", "+15551230000"),
        new("ApiVersion", "2010-04-01"),
    ];

    private async Task<HttpResponseMessage> PostAsync(List<KeyValuePair<string, string>> parameters, string query)
    {
        using var request = TwilioRequests.Signed(parameters, signedUrl: StatusUrl + query, pathAndQuery: "/api/twilio/status" + query);
        return await _host.Client.SendAsync(request);
    }
}
