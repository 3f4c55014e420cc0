using System.Net;
using System.Text;
using System.Text.Json;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary><c>GET/POST /api/meta/webhook</c> on Kestrel, with the recorded-shape fixtures signed as Meta signs them.</summary>
public sealed partial class MetaWebhookTests : IAsyncLifetime
{
    private MetaTestHost _host = null!;

    public async Task InitializeAsync() => _host = await MetaTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_subscription_handshake_echoes_the_challenge_as_plain_text()
    {
        using var response = await _host.Client.GetAsync($"/api/meta/webhook?hub.mode=subscribe&hub.verify_token={MetaTestHost.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=meta-test-verify-token&hub.challenge=1158201444")]
    [InlineData("hub.verify_token=meta-test-verify-token&hub.challenge=1158201444")]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("hub.mode=subscribe&hub.verify_token=meta-test-verify-token")]
    [InlineData("")]
    public async Task A_handshake_without_the_right_mode_token_and_challenge_is_forbidden(string query)
    {
        using var response = await _host.Client.GetAsync("/api/meta/webhook?" + query);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_whose_attachments_hold_a_null_keeps_its_text_and_nothing_else()
    {
        var text = System.Text.Encoding.UTF8.GetString(MetaFixtures.Read("text"));
        var broken = text.Replace("\"text\":", "\"attachments\":[null,{\"type\":null},{}],\"text\":", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);

        using var response = await _host.PostAsync(System.Text.Encoding.UTF8.GetBytes(broken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.False(string.IsNullOrEmpty(stored.Text));
        Assert.Null(stored.Attachments);
    }

    [Fact]
    public async Task A_signed_body_with_ill_formed_UTF_8_in_a_property_name_is_refused_with_400_and_nothing_is_stored()
    {
        var text = System.Text.Encoding.UTF8.GetString(MetaFixtures.Read("text"));
        var at = System.Text.Encoding.UTF8.GetBytes(text[..(text.IndexOf("\"text\"", StringComparison.Ordinal) + 2)]).Length;
        var body = MetaFixtures.Read("text");
        byte[] broken = [.. body[..at], 0xFF, 0xFE, .. body[at..]];

        using var response = await _host.PostAsync(broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
    }

    [Fact]
    public async Task A_text_message_reaches_the_inbox_keyed_by_its_mid()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("text"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal(ActivityTypes.Message, stored.Type);
        Assert.Equal("facebook", stored.ChannelId);
        Assert.Equal("m_text_AbC123", stored.Id);
        Assert.Equal(MetaTestHost.Resident, stored.From?.Id);
        Assert.Equal(MetaTestHost.Resident, stored.Conversation?.Id);
        Assert.Equal(MetaTestHost.PageId, stored.Recipient?.Id);
        Assert.Equal("Pothole on Main St & 5th", stored.Text);
        Assert.Equal(TestClock.Now, stored.Timestamp);
        Assert.Equal("m_text_AbC123", stored.ChannelData!.Value.GetProperty("facebook").GetProperty("message").GetProperty("mid").GetString());
    }

    [Fact]
    public async Task A_quick_reply_answers_with_its_payload_not_its_display_text()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("quick-reply"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("m_quick_AbC124", stored.Id);
        Assert.Equal("streets", stored.Text);
    }

    [Fact]
    public async Task A_postback_answers_with_its_payload_keyed_by_its_mid()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("postback"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("m_postback_AbC125", stored.Id);
        Assert.Equal("report", stored.Text);
        Assert.Equal(MetaTestHost.Resident, stored.Conversation?.Id);
    }

    [Fact]
    public async Task An_image_reaches_the_inbox_as_an_attachment_with_the_cdn_url()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("image"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Null(stored.Text);
        var image = Assert.Single(stored.Attachments!);
        Assert.Equal("https://scontent.xx.fbcdn.net/v/t1.15752-9/pothole_n.png?_nc_cat=1&oh=00_AbC&oe=6F000000", image.ContentUrl);
        Assert.Equal("image/png", image.ContentType);
    }

    [Fact]
    public async Task A_location_reaches_the_inbox_as_a_place_with_geo_coordinates()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("location"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = Assert.Single(_host.Sink.Received);
        Assert.Equal("m_location_AbC127", stored.Id);
        Assert.Equal("Place", Assert.Single(stored.Entities!).Type);
        Assert.Equal(new GeoPoint(39.9242266, -83.8088171, "Pat's Location"), GeoPoint.FromActivity(stored));
    }

    [Fact]
    public async Task An_echo_of_our_own_message_is_acknowledged_and_not_stored()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("echo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
        Assert.Empty(_host.Deliveries.Reports);
    }

    [Fact]
    public async Task A_delivery_receipt_records_each_named_message_as_delivered()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("delivery"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_host.Sink.Received);
        Assert.Equal(["m_sent_Out001", "m_sent_Out002"], _host.Deliveries.Reports.Select(r => r.ProviderMessageId));
        Assert.All(_host.Deliveries.Reports, r =>
        {
            Assert.Equal("delivered", r.Status);
            Assert.Equal(6, r.Rank);
            Assert.Null(r.OutboxId);
            Assert.Equal(TestClock.Now.AddSeconds(5), r.At);
        });
    }

    [Fact]
    public async Task A_read_receipt_records_our_messages_sent_before_its_watermark_once()
    {
        var sent = _host.Services.GetRequiredService<MessengerSentLog>();
        sent.Record(MetaTestHost.Resident, "m_sent_before", TestClock.Now.AddSeconds(4));
        sent.Record(MetaTestHost.Resident, "m_sent_after", TestClock.Now.AddSeconds(30));
        sent.Record("6512300000000099", "m_sent_someone_else", TestClock.Now);

        using var first = await _host.PostAsync(MetaFixtures.Read("read"));
        using var again = await _host.PostAsync(MetaFixtures.Read("read"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var report = Assert.Single(_host.Deliveries.Reports);
        Assert.Equal("m_sent_before", report.ProviderMessageId);
        Assert.Equal("read", report.Status);
        Assert.Equal(7, report.Rank);
    }

    [Fact]
    public async Task Every_item_of_every_entry_of_a_batch_is_processed_once_even_when_redelivered()
    {
        using var first = await _host.PostAsync(MetaFixtures.Read("batch"));
        using var redelivered = await _host.PostAsync(MetaFixtures.Read("batch"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var received = _host.Sink.Received;
        Assert.Equal(8, received.Count);
        Assert.Equal(["m_batch_A1", "m_batch_A2", "m_batch_B1", "m_batch_B2"], received.Take(4).Select(a => a.Id));
        Assert.Equal(received.Take(4).Select(a => a.Id), received.Skip(4).Select(a => a.Id));
        Assert.Equal(4, received.Select(a => a.Id).Distinct().Count());
        Assert.Equal(["Graffiti on the library", "streetlight", "start", null], received.Take(4).Select(a => a.Text));
        Assert.Equal(["6512300000000001", "6512300000000002", "6512300000000003", "6512300000000001"], received.Take(4).Select(a => a.Conversation!.Id));
        Assert.Equal("https://scontent.xx.fbcdn.net/v/graffiti_n.jpg?oh=00_X", Assert.Single(received[3].Attachments!).ContentUrl);
    }

    [Fact]
    public async Task Stop_opts_the_resident_out_with_one_confirmation_and_never_reaches_the_dialog()
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"104700000000001","time":1795456800123,"messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"timestamp":1795456800000,"message":{"mid":"m_stop_1","text":" Stop! "}}]}]}""");

        using var first = await _host.PostAsync(body);
        using var redelivered = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Empty(_host.Sink.Received);
        Assert.True(_host.Consent.IsOptedOut("facebook", MetaTestHost.Resident));
        var confirmed = Assert.Single(_host.Consent.Confirmed);
        Assert.Equal("m_stop_1", confirmed.Confirmation!.ReplyToId);
        Assert.Equal(MetaTestHost.Resident, confirmed.Confirmation.Conversation!.Id);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("help")]
    [InlineData("yes")]
    [InlineData("start")]
    public async Task Dialog_words_and_start_from_someone_not_opted_out_reach_the_dialog(string text)
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"104700000000001","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"timestamp":1795456800000,"message":{"mid":"m_word","text":"WORD"}}]}]}""".Replace("WORD", text, StringComparison.Ordinal));

        using var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, Assert.Single(_host.Sink.Received).Text);
        Assert.Empty(_host.Consent.Changes);
    }

    [Fact]
    public async Task A_quick_reply_whose_payload_is_a_keyword_is_an_answer_not_an_opt_out()
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[{"id":"104700000000001","messaging":[{"sender":{"id":"6512300000000001"},"recipient":{"id":"104700000000001"},"timestamp":1795456800000,"message":{"mid":"m_qr_stop","text":"Stop sign","quick_reply":{"payload":"stop"}}}]}]}""");

        using var response = await _host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("stop", Assert.Single(_host.Sink.Received).Text);
        Assert.Empty(_host.Consent.Changes);
    }

    [Fact]
    public async Task A_message_opens_the_residents_window_at_metas_timestamp()
    {
        using var response = await _host.PostAsync(MetaFixtures.Read("text"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var windows = _host.Services.GetRequiredService<IMessengerWindows>();
        Assert.Equal(TestClock.Now, await windows.LastInboundAsync(MetaTestHost.Resident, CancellationToken.None));
    }
}
