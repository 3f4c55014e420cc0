using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>The 24-hour window and opt-outs at send time, Graph's errors and outages, and how the sender is registered.</summary>
public sealed partial class MetaSenderTests
{
    [Fact]
    public async Task A_message_we_start_inside_the_window_goes_as_a_response()
    {
        _graph.AcceptMessages();
        var sender = Sender();
        await Windows().RecordInboundAsync(Resident, TestClock.Now.AddHours(-23), CancellationToken.None);

        var result = await sender.SendAsync(Outbound(1, Notification("Your report 311-000042 is fixed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("RESPONSE", Assert.Single(_graph.Bodies)["messaging_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_twenty_three_hours_after_the_residents_last_message_goes_as_a_response()
    {
        _graph.AcceptMessages();
        var sender = Sender();
        await Windows().RecordInboundAsync(Resident, TestClock.Now.AddHours(-23), CancellationToken.None);

        var result = await sender.SendAsync(Outbound(1, Reply("Still there?")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("RESPONSE", Assert.Single(_graph.Bodies)["messaging_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_the_24_hour_window_nothing_is_sent_and_the_row_fails_as_cannot_notify()
    {
        _graph.AcceptMessages();
        var sender = Sender();
        await Windows().RecordInboundAsync(Resident, TestClock.Now.AddHours(-2), CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(23));

        var result = await sender.SendAsync(Outbound(1, Notification("Your report 311-000042 is closed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("outside Messenger's 24-hour window", result.Error, StringComparison.Ordinal);
        Assert.Contains("cannot notify on Messenger", result.Error, StringComparison.Ordinal);
        Assert.Empty(_graph.Sends);
    }

    [Fact]
    public async Task An_opted_out_resident_is_not_messaged_but_gets_the_confirmation()
    {
        _graph.AcceptMessages();
        _consent.OptOut("facebook", Resident);
        var inbound = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "m_stop",
            ChannelId = "facebook",
            From = new ChannelAccount(Resident),
            Recipient = new ChannelAccount(MetaTestHost.PageId),
            Conversation = new ConversationAccount(Resident),
        };

        var refused = await Sender().SendAsync(Outbound(1, Reply("What is the problem?")), CancellationToken.None);
        var confirmation = await Sender().SendAsync(Outbound(2, ConsentConfirmations.ReplyTo(inbound, "You will get no more messages.", TestClock.Now)), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, refused.Outcome);
        Assert.Contains("opted out", refused.Error, StringComparison.Ordinal);
        Assert.Equal(SendOutcome.Sent, confirmation.Outcome);
        Assert.Equal("You will get no more messages.", Assert.Single(_graph.Bodies)["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_typing_activity_is_the_typing_on_sender_action()
    {
        _graph.AcceptMessages();
        var typing = Reply(null);
        typing.Type = ActivityTypes.Typing;

        var result = await Sender().SendAsync(Outbound(1, typing), CancellationToken.None);

        Assert.Equal(SendResult.Sent(null), result);
        Assert.Equal("""{"recipient":{"id":"6512300000000001"},"sender_action":"typing_on"}""", Assert.Single(_graph.Bodies).ToJsonString());
    }

    [Theory]
    [InlineData(10, 2018278, "outside Messenger's 24-hour window")]
    [InlineData(551, 1545041, "unavailable")]
    [InlineData(100, 2018001, "no Messenger user")]
    [InlineData(100, null, "Graph API answered 400 error 100")]
    [InlineData(200, null, "Graph API answered 400 error 200")]
    public async Task A_permanent_graph_error_fails_the_row_for_good_with_its_reason(int code, int? subcode, string reason)
    {
        _graph.RefuseMessages(400, code, subcode);

        var result = await Sender().SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Single(_graph.Sends);
    }

    [Theory]
    [InlineData(400, 613)]
    [InlineData(400, 4)]
    [InlineData(400, 17)]
    [InlineData(400, 32)]
    [InlineData(500, 2)]
    [InlineData(500, 1)]
    [InlineData(503, 0)]
    public async Task Rate_limits_and_transient_errors_are_retried_later_by_the_outbox_not_here(int status, int code)
    {
        _graph.RefuseMessages(status, code);

        var result = await Sender().SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Single(_graph.Sends);
    }

    [Fact]
    public async Task A_refused_page_token_fails_for_good_and_raises_an_error_alert()
    {
        _graph.RefuseMessages(400, 190, 463, "Error validating access token: Session has expired");
        var logs = new ListLoggerProvider();

        var result = await Sender(logs).SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("access token", result.Error, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.EventId == 4433);
    }

    [Fact]
    public async Task An_unreachable_graph_api_is_retried_later()
    {
        int port;
        using (var listener = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await Sender(graphBaseUrl: $"http://127.0.0.1:{port}").SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public async Task No_send_ever_carries_a_message_tag()
    {
        _graph.AcceptMessages();
        var sender = Sender();
        await Windows().RecordInboundAsync(Resident, TestClock.Now.AddHours(-1), CancellationToken.None);
        var image = Reply("Map");
        image.Attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = "https://311.example.gov/m.jpg" }];

        await sender.SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);
        await sender.SendAsync(Outbound(2, Notification("Closed.")), CancellationToken.None);
        await sender.SendAsync(Outbound(3, WithChoices(Reply("Pick"), 3)), CancellationToken.None);
        await sender.SendAsync(Outbound(4, image), CancellationToken.None);

        Assert.Equal(5, _graph.Sends.Count);
        foreach (var body in _graph.Bodies)
        {
            Assert.False(body.ContainsKey("tag"));
            Assert.Equal("RESPONSE", body["messaging_type"]!.GetValue<string>());
            foreach (var retired in MetaMessagingTypes.RetiredTags)
            {
                Assert.DoesNotContain(retired, body.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_sent_mid_is_remembered_so_a_read_receipt_can_find_it()
    {
        _graph.AcceptMessages();
        using var host = Host();

        await host.Services.GetRequiredService<MetaSender>().SendAsync(Outbound(1, Reply("Hi")), CancellationToken.None);

        var log = host.Services.GetRequiredService<MessengerSentLog>();
        Assert.Equal([FakeGraphApi.TextMid], log.Before(Resident, TestClock.Now, MessengerReceipt.Read));
        Assert.Empty(log.Before(Resident, TestClock.Now.AddSeconds(-10), MessengerReceipt.Read));
    }

    [Fact]
    public void Without_a_page_token_facebook_is_left_to_the_connector()
    {
        var configured = Sender();
        var unconfigured = Sender(pageToken: null);

        Assert.True(configured.Handles("facebook"));
        Assert.False(configured.Handles("sms"));
        Assert.False(unconfigured.Handles("facebook"));
    }

    [Fact]
    public void With_every_channel_registered_the_meta_sender_is_keyed_to_facebook_and_the_connector_is_only_the_fallback()
    {
        var builder = Builder(Settings());
        builder.Configuration["Connector:AllowAnonymous"] = "true";
        builder.AddChannels();
        using var host = builder.Build();

        var keyed = host.Services.GetKeyedService<IChannelSender>("facebook");
        var fallback = host.Services.GetKeyedService<IChannelSender>(ChannelSenderKeys.Fallback);

        Assert.IsType<MetaSender>(keyed);
        Assert.True(keyed.Handles("facebook"));
        Assert.IsType<ConnectorSender>(fallback);
    }
}
