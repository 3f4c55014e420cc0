using System.Net.Sockets;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Twilio;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>Twilio's refusals, rate limits and outages, retries that find the message Twilio already created, opt-outs at send time, and registration.</summary>
public sealed partial class TwilioSenderTests
{
    [Theory]
    [InlineData(21610)]
    [InlineData(63014)]
    public async Task An_opted_out_answer_fails_for_good_and_records_the_opt_out_so_the_next_message_is_not_even_tried(int code)
    {
        _twilio.RefuseMessages(400, code);
        var sender = Sender();

        var first = await sender.SendAsync(Outbound(1, Sms("Your report SR-1 was received.")), CancellationToken.None);
        var second = await sender.SendAsync(Outbound(2, Sms("Your report SR-1 was closed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, first.Outcome);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Error, StringComparison.Ordinal);
        Assert.True(_consent.IsOptedOut(ChannelIds.Sms, Resident));
        Assert.Equal(SendOutcome.Failed, second.Outcome);
        Assert.Single(_twilio.Creates);
    }

    [Theory]
    [InlineData(21211)]
    [InlineData(21614)]
    public async Task An_unreachable_address_fails_for_good_without_an_opt_out(int code)
    {
        _twilio.RefuseMessages(400, code);

        var result = await Sender().SendAsync(Outbound(1, Sms("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
        Assert.Empty(_consent.Changes);
    }

    [Fact]
    public async Task Outside_the_whatsapp_window_the_send_fails_for_good_naming_the_template()
    {
        _twilio.RefuseMessages(400, 63016);
        _lastInbound.Wrote(ChannelIds.WhatsApp, WhatsAppResident, TimeProvider.System.GetUtcNow().AddMinutes(-1));

        var result = await Sender().SendAsync(Outbound(1, Reply(ChannelIds.WhatsApp, WhatsAppResident, "Your report was closed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("template", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_with_backoff_then_handed_back_to_retry_later()
    {
        _twilio.RefuseMessages(429, 20429);

        var result = await Sender().SendAsync(Outbound(1, Sms("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal(4, _twilio.Creates.Count);
    }

    [Fact]
    public async Task A_429_followed_by_a_created_message_is_sent_once()
    {
        _twilio.Server.Given(Request.Create().WithPath(FakeTwilioApi.MessagesPath).UsingPost()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithBody("""{"code":20429,"message":"Too Many Requests","status":429}"""));
        _twilio.Server.Given(Request.Create().WithPath(FakeTwilioApi.MessagesPath).UsingPost()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"sid":"SM000000000000000000000000000000ff","status":"queued"}"""));

        var result = await Sender().SendAsync(Outbound(1, Sms("Hi")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000ff"), result);
        Assert.Equal(2, _twilio.Creates.Count);
    }

    [Fact]
    public async Task A_500_is_retried_later_and_the_retry_finds_the_message_twilio_created_instead_of_resending_it()
    {
        _twilio.RefuseMessages(500, 20500);
        var sender = Sender();
        var activity = Sms("Is it blocking traffic?");

        var first = await sender.SendAsync(Outbound(5, activity), CancellationToken.None);
        _twilio.ListMessages(
            Listed("SM000000000000000000000000000000aa", Resident, "Is it blocking traffic?", Written.AddHours(-3)),
            Listed("SM000000000000000000000000000000bb", Resident, "Is it blocking traffic?", Written.AddSeconds(2)));
        var second = await sender.SendAsync(Outbound(5, activity, previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, first.Outcome);
        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000bb"), second);
        Assert.Single(_twilio.Creates);
        var list = Assert.Single(_twilio.Lists);
        Assert.Equal(Resident, list.RequestMessage.Query!["To"].Single());
    }

    [Fact]
    public async Task A_retry_never_takes_the_same_text_sent_for_another_outbox_row_for_its_own()
    {
        // Row 5's first try failed before Twilio created anything; row 6, the same question a minute later, went out.
        _deliveries.Know(6, "SM000000000000000000000000000000b6");
        _twilio.AcceptMessages("SM000000000000000000000000000000c5");
        _twilio.ListMessages(Listed("SM000000000000000000000000000000b6", Resident, "Is it blocking traffic?", Written.AddMinutes(1)));

        var result = await Sender().SendAsync(Outbound(5, Sms("Is it blocking traffic?"), previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000c5"), result);
        Assert.Single(_twilio.Creates);
    }

    [Fact]
    public async Task Of_two_unclaimed_copies_of_the_same_text_a_retry_takes_the_older()
    {
        _twilio.AcceptMessages();
        _twilio.ListMessages(
            Listed("SM000000000000000000000000000000d2", Resident, "Is it blocking traffic?", Written.AddSeconds(40)),
            Listed("SM000000000000000000000000000000d1", Resident, "Is it blocking traffic?", Written.AddSeconds(1)));

        var result = await Sender().SendAsync(Outbound(5, Sms("Is it blocking traffic?"), previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000d1"), result);
        Assert.Empty(_twilio.Creates);
    }

    [Fact]
    public async Task A_retry_that_finds_no_such_message_sends_it_again()
    {
        _twilio.AcceptMessages("SM000000000000000000000000000000cc");
        _twilio.ListMessages(
            Listed("SM000000000000000000000000000000aa", Resident, "Something else", Written.AddSeconds(1)),
            Listed("SM000000000000000000000000000000dd", Resident, "Is it blocking traffic?", Written.AddHours(-1)));

        var result = await Sender().SendAsync(Outbound(5, Sms("Is it blocking traffic?"), previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000cc"), result);
        Assert.Single(_twilio.Lists);
        Assert.Single(_twilio.Creates);
    }

    [Fact]
    public async Task A_retry_of_a_message_whose_status_callback_already_came_is_not_resent()
    {
        _deliveries.Know(5, "SM000000000000000000000000000000ee");

        var result = await Sender().SendAsync(Outbound(5, Sms("Hi"), previousAttempts: 2), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000ee"), result);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task When_the_reconciling_look_up_fails_nothing_is_resent()
    {
        _twilio.AcceptMessages();
        _twilio.Server.Given(Request.Create().WithPath(FakeTwilioApi.MessagesPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(503));

        var result = await Sender().SendAsync(Outbound(5, Sms("Hi"), previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Empty(_twilio.Creates);
    }

    [Fact]
    public async Task An_opted_out_address_is_never_messaged()
    {
        _twilio.AcceptMessages();
        _consent.OptOut(ChannelIds.Sms, Resident);

        var result = await Sender().SendAsync(Outbound(1, Sms("Your report was closed.")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("opted out", result.Error, StringComparison.Ordinal);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task The_confirmation_of_an_opt_out_still_reaches_the_address()
    {
        _twilio.AcceptMessages();
        _consent.OptOut(ChannelIds.WhatsApp, WhatsAppResident);
        var inbound = new Activity
        {
            Type = ActivityTypes.Message, Id = "SM1", ChannelId = ChannelIds.WhatsApp,
            From = new ChannelAccount(WhatsAppResident), Recipient = new ChannelAccount("whatsapp:+15559870000"),
            Conversation = new ConversationAccount(WhatsAppResident),
        };

        var result = await Sender().SendAsync(Outbound(1, ConsentConfirmations.ReplyTo(inbound, "You will get no more messages.", Written)), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Contains(new("Body", "You will get no more messages."), FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task A_typing_indicator_has_nothing_to_send()
    {
        var activity = Sms("x");
        activity.Type = ActivityTypes.Typing;

        var result = await Sender().SendAsync(Outbound(1, activity), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task Without_credentials_the_send_fails_for_good()
    {
        var result = await Sender(accountSid: null).SendAsync(Outbound(1, Sms("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task An_unreachable_api_is_retried_later()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Sender(apiBaseUrl: $"http://127.0.0.1:{port}").SendAsync(Outbound(1, Sms("Hi")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public void The_sender_claims_sms_and_whatsapp_only()
    {
        var sender = Sender();

        Assert.True(sender.Handles(ChannelIds.Sms));
        Assert.True(sender.Handles(ChannelIds.WhatsApp));
        Assert.False(sender.Handles(ChannelIds.Emulator));
        Assert.False(sender.Handles(ChannelIds.Facebook));
    }

    [Fact]
    public void The_sender_is_keyed_to_sms_and_whatsapp_with_the_connector_registered_too()
    {
        var builder = Builder(Settings(), includeConnector: true);
        using var host = builder.Build();

        Assert.IsType<TwilioSender>(host.Services.GetKeyedService<IChannelSender>(ChannelIds.Sms));
        Assert.IsType<TwilioSender>(host.Services.GetKeyedService<IChannelSender>(ChannelIds.WhatsApp));
        Assert.IsType<ConnectorSender>(host.Services.GetKeyedService<IChannelSender>(ChannelSenderKeys.Fallback));
    }
}
