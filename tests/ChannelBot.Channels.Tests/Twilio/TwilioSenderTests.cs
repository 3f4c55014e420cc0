using System.Net.Sockets;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
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

/// <summary><see cref="TwilioSender"/> against a fake Twilio REST API (WireMock) asserting the exact form fields.</summary>
public sealed partial class TwilioSenderTests : IDisposable
{
    private const string Resident = "+15551230000";
    private const string WhatsAppResident = "whatsapp:+15551230000";
    private const string ServiceSid = "MG00000000000000000000000000000002";

    private static readonly DateTimeOffset Written = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    private readonly FakeTwilioApi _twilio = new();
    private readonly InMemoryConsent _consent = new();
    private readonly InMemoryDeliveryLog _deliveries = new();
    private readonly InMemoryLastInbound _lastInbound = new();
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _twilio.Dispose();
    }

    [Fact]
    public async Task An_sms_reply_is_posted_with_the_messaging_service_body_and_status_callback()
    {
        _twilio.AcceptMessages("SM0000000000000000000000000000abcd");

        var result = await Sender().SendAsync(Outbound(7, Sms("Is it blocking traffic?")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM0000000000000000000000000000abcd"), result);
        var request = Assert.Single(_twilio.Creates);
        Assert.Equal(
            [
                new("To", Resident),
                new("MessagingServiceSid", ServiceSid),
                new("Body", "Is it blocking traffic?"),
                new("StatusCallback", "https://311.example.gov/api/twilio/status?outbox=7"),
            ],
            FakeTwilioApi.Form(request));
        Assert.StartsWith("application/x-www-form-urlencoded", request.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(TwilioTestHost.AccountSid + ":" + TwilioTestHost.AuthToken));
        Assert.Equal(expected, request.RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task Without_a_messaging_service_the_configured_number_sends()
    {
        _twilio.AcceptMessages();

        await Sender(messagingService: null).SendAsync(Outbound(1, Sms("Thanks.")), CancellationToken.None);

        var form = FakeTwilioApi.Form(Assert.Single(_twilio.Creates));
        Assert.Contains(new("From", "+15559870000"), form);
        Assert.DoesNotContain(form, f => f.Key == "MessagingServiceSid");
    }

    [Fact]
    public async Task Choices_still_on_the_activity_become_a_numbered_list()
    {
        _twilio.AcceptMessages();
        var activity = Sms("Is it blocking traffic?");
        activity.SuggestedActions = new SuggestedActions { Actions = [new("imBack", "Yes", "yes"), new("imBack", "No", "no")] };

        await Sender().SendAsync(Outbound(1, activity), CancellationToken.None);

        Assert.Contains(new("Body", "Is it blocking traffic?\n1. Yes\n2. No"), FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task An_mms_carries_each_image_as_a_repeated_media_url_and_nothing_else()
    {
        _twilio.AcceptMessages();
        var activity = Sms("Here is the map.");
        activity.Attachments =
        [
            new Attachment { ContentType = "image/png", ContentUrl = "https://311.example.gov/maps/1.png" },
            new Attachment { ContentType = "application/pdf", ContentUrl = "https://311.example.gov/a.pdf" },
            new Attachment { ContentType = "image/jpeg", ContentUrl = "https://311.example.gov/maps/2.jpg" },
        ];

        await Sender().SendAsync(Outbound(3, activity), CancellationToken.None);

        Assert.Equal(
            [
                new("To", Resident),
                new("MessagingServiceSid", ServiceSid),
                new("Body", "Here is the map."),
                new("MediaUrl", "https://311.example.gov/maps/1.png"),
                new("MediaUrl", "https://311.example.gov/maps/2.jpg"),
                new("StatusCallback", "https://311.example.gov/api/twilio/status?outbox=3"),
            ],
            FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task A_whatsapp_free_form_reply_goes_from_the_whatsapp_sender_with_choices_numbered()
    {
        _twilio.AcceptMessages();
        _lastInbound.Wrote(ChannelIds.WhatsApp, WhatsAppResident, TimeProvider.System.GetUtcNow().AddMinutes(-1));
        var activity = Reply(ChannelIds.WhatsApp, WhatsAppResident, "Is this the place?");
        activity.SuggestedActions = new SuggestedActions { Actions = [new("imBack", "Yes", "yes"), new("imBack", "No", "no")] };

        var result = await Sender().SendAsync(Outbound(9, activity), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            [
                new("To", WhatsAppResident),
                new("From", "whatsapp:+15559870000"),
                new("Body", "Is this the place?\n1. Yes\n2. No"),
                new("StatusCallback", "https://311.example.gov/api/twilio/status?outbox=9"),
            ],
            FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    internal static Activity Reply(string channelId, string to, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        Timestamp = Written,
        From = new ChannelAccount(channelId == ChannelIds.WhatsApp ? "whatsapp:+15559870000" : "+15559870000", role: RoleTypes.Bot),
        Recipient = new ChannelAccount(to, role: RoleTypes.User),
        Conversation = new ConversationAccount(to),
        Text = text,
    };

    private static Activity Sms(string text) => Reply(ChannelIds.Sms, Resident, text);

    internal static OutboundMessage Outbound(long id, Activity activity, int previousAttempts = 0) =>
        new(id, activity.ChannelId!, ConversationKey.For(activity.ChannelId!, activity.Conversation!.Id!), activity, previousAttempts);

    internal static JsonObject Listed(string sid, string to, string body, DateTimeOffset created) => new()
    {
        ["sid"] = sid,
        ["to"] = to,
        ["from"] = "+15559870000",
        ["body"] = body,
        ["direction"] = "outbound-api",
        ["status"] = "sent",
        ["date_created"] = created.ToString("ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " +0000",
    };

    private Dictionary<string, string?> Settings(string? messagingService = ServiceSid, string? accountSid = TwilioTestHost.AccountSid, string? apiBaseUrl = null)
    {
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:ApiBaseUrl"] = apiBaseUrl ?? _twilio.Url;
        settings["Twilio:From"] = "+15559870000";
        settings["Twilio:WhatsAppFrom"] = "whatsapp:+15559870000";
        settings["Twilio:MessagingServiceSid"] = messagingService;
        settings["Twilio:SendTimeout"] = "00:00:10";
        if (accountSid is null)
        {
            settings.Remove("Twilio:AccountSid");
            settings.Remove("Twilio:AuthToken");
        }

        return settings;
    }

    private HostApplicationBuilder Builder(Dictionary<string, string?> settings, bool includeConnector = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IMessagingConsent>(_consent);
        builder.Services.AddSingleton<IDeliveryStatusLog>(_deliveries);
        builder.Services.AddSingleton<ILastInboundLookup>(_lastInbound);
        builder.Services.AddSingleton<IInboundActivitySink>(new RecordingInboundSink());
        builder.AddTwilioChannel();
        if (includeConnector)
        {
            builder.Configuration["Connector:AllowAnonymous"] = "true";
            builder.AddConnectorChannel();
        }

        return builder;
    }

    private TwilioSender Sender(string? messagingService = ServiceSid, string? accountSid = TwilioTestHost.AccountSid, string? apiBaseUrl = null)
    {
        var host = Builder(Settings(messagingService, accountSid, apiBaseUrl)).Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<TwilioSender>();
    }
}
