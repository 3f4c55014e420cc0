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

/// <summary>
/// WhatsApp's 24-hour window at the sender, against a fake Twilio REST API (WireMock) asserting the exact form:
/// free-form inside it, the notification's approved Content template outside it (or after a 63016), and a
/// permanent failure that says why when no template is configured.
/// </summary>
public sealed class WhatsAppWindowTests : IDisposable
{
    private const string Resident = "whatsapp:+15551230000";
    private const string English = "HX0123456789abcdef0123456789abcdef";
    private const string Spanish = "HXfedcba9876543210fedcba9876543210";

    private readonly FakeTwilioApi _twilio = new();
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
    public async Task Inside_the_window_a_notification_goes_free_form()
    {
        _twilio.AcceptMessages();
        WroteHoursAgo(23);

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(4, Notification("en")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            [
                new("To", Resident),
                new("From", "whatsapp:+15559870000"),
                new("Body", "Update on your Pothole report 311-2026-000123: crews are working on it now."),
                new("StatusCallback", "https://311.example.gov/api/twilio/status?outbox=4"),
            ],
            FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task A_resident_who_last_wrote_30_hours_ago_gets_the_template_with_its_variables_and_no_body()
    {
        _twilio.AcceptMessages("SM000000000000000000000000000000a1");
        WroteHoursAgo(30);

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(5, Notification("en")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000a1"), result);
        Assert.Equal(
            [
                new("To", Resident),
                new("From", "whatsapp:+15559870000"),
                new("ContentSid", English),
                new("ContentVariables", """{"1":"311-2026-000123","2":"Pothole","3":"being worked on"}"""),
                new("StatusCallback", "https://311.example.gov/api/twilio/status?outbox=5"),
            ],
            FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task The_template_is_in_the_residents_language_and_a_region_falls_back_to_the_language()
    {
        _twilio.AcceptMessages();
        WroteHoursAgo(25);
        var activity = Notification("es-US", service: "Bache", status: "en reparación");

        await Sender().SendAsync(TwilioSenderTests.Outbound(6, activity), CancellationToken.None);

        var form = FakeTwilioApi.Form(Assert.Single(_twilio.Creates));
        Assert.Contains(new("ContentSid", Spanish), form);
        Assert.Contains(new("ContentVariables", """{"1":"311-2026-000123","2":"Bache","3":"en reparación"}"""), form);
    }

    [Fact]
    public async Task A_resident_with_no_message_on_record_gets_the_template()
    {
        _twilio.AcceptMessages();

        await Sender().SendAsync(TwilioSenderTests.Outbound(7, Notification("en")), CancellationToken.None);

        Assert.Contains(new("ContentSid", English), FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task Outside_the_window_with_no_template_for_the_language_nothing_is_sent_and_the_error_names_the_setting()
    {
        _twilio.AcceptMessages();
        WroteHoursAgo(30);

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(8, Notification("fr")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.StartsWith(TwilioSender.NoTemplateError, result.Error, StringComparison.Ordinal);
        Assert.Contains("30 h ago", result.Error, StringComparison.Ordinal);
        Assert.Contains("Twilio:WhatsAppTemplates:status_update:fr", result.Error, StringComparison.Ordinal);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task Outside_the_window_a_reply_that_is_no_notification_fails_for_good()
    {
        _twilio.AcceptMessages();
        WroteHoursAgo(30);

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(9, TwilioSenderTests.Reply(ChannelIds.WhatsApp, Resident, "Is it blocking traffic?")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.StartsWith(TwilioSender.NoTemplateError, result.Error, StringComparison.Ordinal);
        Assert.Empty(_twilio.Server.LogEntries);
    }

    [Fact]
    public async Task A_63016_to_a_free_form_notification_sends_its_template_once_instead()
    {
        _twilio.Server.Given(Request.Create().WithPath(FakeTwilioApi.MessagesPath).UsingPost().WithBody(b => b is not null && b.Contains("Body=", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"code":63016,"message":"Failed to send freeform message because you are outside the allowed window.","status":400}"""));
        _twilio.Server.Given(Request.Create().WithPath(FakeTwilioApi.MessagesPath).UsingPost().WithBody(b => b is not null && b.Contains("ContentSid=", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"sid":"SM000000000000000000000000000000b2","status":"queued"}"""));
        WroteHoursAgo(1);

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(10, Notification("en")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000b2"), result);
        Assert.Equal(2, _twilio.Creates.Count);
        Assert.Contains(new("ContentSid", English), FakeTwilioApi.Form(_twilio.Creates[1]));
    }

    [Fact]
    public async Task A_63016_with_no_template_fails_for_good_after_one_call()
    {
        _twilio.RefuseMessages(400, 63016);
        WroteHoursAgo(1);

        var result = await Sender(templates: false).SendAsync(TwilioSenderTests.Outbound(11, Notification("en")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.StartsWith(TwilioSender.NoTemplateError, result.Error, StringComparison.Ordinal);
        Assert.Contains("63016", result.Error, StringComparison.Ordinal);
        Assert.Single(_twilio.Creates);
    }

    [Fact]
    public async Task The_confirmation_of_a_whatsapp_stop_goes_free_form_even_long_after_the_residents_last_dialog_message()
    {
        _twilio.AcceptMessages();
        var now = TimeProvider.System.GetUtcNow();
        WroteHoursAgo(48);
        var stop = new Activity
        {
            Type = ActivityTypes.Message, Id = "SM1", ChannelId = ChannelIds.WhatsApp,
            From = new ChannelAccount(Resident), Recipient = new ChannelAccount("whatsapp:+15559870000"),
            Conversation = new ConversationAccount(Resident),
        };

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(12, ConsentConfirmations.ReplyTo(stop, "You will get no more messages.", now)), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Contains(new("Body", "You will get no more messages."), FakeTwilioApi.Form(Assert.Single(_twilio.Creates)));
    }

    [Fact]
    public async Task A_template_send_that_ended_in_a_500_is_found_by_its_rendered_text_and_not_resent()
    {
        _twilio.AcceptMessages();
        WroteHoursAgo(30);
        var activity = Notification("en");
        _twilio.ListMessages(TwilioSenderTests.Listed(
            "SM000000000000000000000000000000c3",
            Resident,
            "Your Pothole report 311-2026-000123 is now: being worked on. Reply STATUS for details.",
            activity.Timestamp!.Value.AddSeconds(3)));

        var result = await Sender().SendAsync(TwilioSenderTests.Outbound(13, activity, previousAttempts: 1), CancellationToken.None);

        Assert.Equal(SendResult.Sent("SM000000000000000000000000000000c3"), result);
        Assert.Empty(_twilio.Creates);
    }

    [Fact]
    public async Task Sms_never_uses_templates_or_the_window()
    {
        _twilio.AcceptMessages();
        var activity = Notification("en");
        activity.ChannelId = ChannelIds.Sms;
        activity.Conversation = new ConversationAccount("+15551230000");

        await Sender().SendAsync(TwilioSenderTests.Outbound(14, activity), CancellationToken.None);

        var form = FakeTwilioApi.Form(Assert.Single(_twilio.Creates));
        Assert.Contains(form, f => f.Key == "Body");
        Assert.DoesNotContain(form, f => f.Key == "ContentSid");
    }

    private void WroteHoursAgo(int hours) =>
        _lastInbound.Wrote(ChannelIds.WhatsApp, Resident, TimeProvider.System.GetUtcNow().AddHours(-hours));

    private static Activity Notification(string language, string service = "Pothole", string status = "being worked on")
    {
        var activity = TwilioSenderTests.Reply(ChannelIds.WhatsApp, Resident, "Update on your Pothole report 311-2026-000123: crews are working on it now.");
        activity.Timestamp = TimeProvider.System.GetUtcNow();
        new ProactiveNotification(NotificationPurposes.StatusUpdate, language, [new("ticket", "311-2026-000123"), new("service", service), new("status", status)]).Tag(activity);
        return activity;
    }

    private TwilioSender Sender(bool templates = true)
    {
        var settings = TwilioTestHost.ConfiguredSettings();
        settings["Twilio:ApiBaseUrl"] = _twilio.Url;
        settings["Twilio:WhatsAppFrom"] = "whatsapp:+15559870000";
        settings["Twilio:From"] = "+15559870000";
        if (templates)
        {
            settings["Twilio:WhatsAppTemplates:status_update:en"] = English;
            settings["Twilio:WhatsAppTemplates:status_update:es"] = Spanish;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IMessagingConsent>(new InMemoryConsent());
        builder.Services.AddSingleton<IDeliveryStatusLog>(new InMemoryDeliveryLog());
        builder.Services.AddSingleton<ILastInboundLookup>(_lastInbound);
        builder.Services.AddSingleton<IInboundActivitySink>(new RecordingInboundSink());
        builder.AddTwilioChannel();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<TwilioSender>();
    }
}
