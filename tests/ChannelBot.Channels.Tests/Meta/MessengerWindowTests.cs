using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using ChannelBot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>
/// Messenger's 24-hour window at a fake Graph API, with the window read from the conversation store (so it survives
/// a restart): inside → RESPONSE; outside → the utility template when one is configured, else nothing is sent and
/// the row fails as "cannot notify". No request ever carries a message tag.
/// </summary>
public sealed class MessengerWindowTests : IDisposable
{
    private const string Resident = MetaTestHost.Resident;

    private readonly FakeGraphApi _graph = new();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly InMemoryLastInbound _store = new();
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        AssertNoTagWasEverSent();
        _graph.Dispose();
    }

    [Fact]
    public async Task Inside_the_window_known_only_to_the_conversation_store_a_notification_goes_as_a_response()
    {
        _graph.AcceptMessages();
        _store.Wrote(ChannelIds.Facebook, Resident, TestClock.Now.AddHours(-23));

        var result = await Sender().SendAsync(Outbound(StatusUpdate("Your report 311-2026-000042 is fixed.", "en")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"text":"Your report 311-2026-000042 is fixed."}}""",
            Assert.Single(_graph.Bodies).ToJsonString());
    }

    [Fact]
    public async Task Outside_the_window_after_a_restart_a_notification_goes_as_the_configured_utility_template()
    {
        _graph.AcceptMessages();
        _store.Wrote(ChannelIds.Facebook, Resident, TestClock.Now.AddHours(-30));

        var result = await Sender(template: ("es", "actualizacion_reporte")).SendAsync(Outbound(StatusUpdate("Su reporte está reparado.", "es-US")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            """{"recipient":{"id":"6512300000000001"},"messaging_type":"UTILITY","message":{"template":{"name":"actualizacion_reporte","language":{"code":"es"},"components":[{"type":"body","parameters":[{"type":"text","text":"311-2026-000042"},{"type":"text","text":"Bache"},{"type":"text","text":"reparado"}]}]}}}""",
            Assert.Single(_graph.Bodies).ToJsonString());
    }

    [Fact]
    public async Task Outside_the_window_with_a_template_only_in_another_language_nothing_is_sent_and_staff_see_the_setting()
    {
        _graph.AcceptMessages();
        _store.Wrote(ChannelIds.Facebook, Resident, TestClock.Now.AddHours(-30));

        var result = await Sender(template: ("en", "report_update")).SendAsync(Outbound(StatusUpdate("Su reporte está reparado.", "es")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("cannot notify on Messenger", result.Error, StringComparison.Ordinal);
        Assert.Contains("Meta:UtilityTemplates:status_update:es", result.Error, StringComparison.Ordinal);
        Assert.Empty(_graph.Sends);
    }

    [Fact]
    public async Task The_later_of_the_stored_and_the_just_seen_message_opens_the_window()
    {
        _graph.AcceptMessages();
        _store.Wrote(ChannelIds.Facebook, Resident, TestClock.Now.AddHours(-40));
        using var host = Host(template: null);
        await host.Services.GetRequiredService<IMessengerWindows>().RecordInboundAsync(Resident, TestClock.Now.AddMinutes(-1), CancellationToken.None);

        var result = await host.Services.GetRequiredService<MetaSender>().SendAsync(Outbound(StatusUpdate("Update.", "en")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("RESPONSE", Assert.Single(_graph.Bodies)["messaging_type"]!.GetValue<string>());
    }

    [Fact]
    public void The_template_catalog_tells_the_notification_policy_which_languages_have_a_template()
    {
        using var host = Host(template: ("es", "actualizacion_reporte"));
        var catalog = host.Services.GetServices<INotificationTemplates>().Single(t => t.ChannelId == ChannelIds.Facebook);

        Assert.True(catalog.Has(Notification("es-MX")));
        Assert.False(catalog.Has(Notification("en")));
    }

    private static ProactiveNotification Notification(string language) =>
        new(NotificationPurposes.StatusUpdate, language, [new("ticket", "311-2026-000042"), new("service", "Bache"), new("status", "reparado")]);

    private static Activity StatusUpdate(string text, string language)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelIds.Facebook,
            From = new ChannelAccount(MetaTestHost.PageId),
            Recipient = new ChannelAccount(Resident),
            Conversation = new ConversationAccount(Resident),
            Text = text,
        };
        Notification(language).Tag(activity);
        return activity;
    }

    private static OutboundMessage Outbound(Activity activity) =>
        new(1, ChannelIds.Facebook, ConversationKey.For(ChannelIds.Facebook, Resident), activity, 0);

    private void AssertNoTagWasEverSent()
    {
        foreach (var body in _graph.Bodies)
        {
            Assert.False(body.ContainsKey("tag"));
            Assert.NotEqual("MESSAGE_TAG", body["messaging_type"]?.GetValue<string>());
            foreach (var retired in MetaMessagingTypes.RetiredTags)
            {
                Assert.DoesNotContain(retired, body.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    private IHost Host((string Language, string Name)? template)
    {
        var settings = MetaTestHost.ConfiguredSettings();
        settings["Meta:GraphBaseUrl"] = _graph.Url;
        settings["Meta:PageAccessToken"] = MetaTestHost.PageAccessToken;
        if (template is { } configured)
        {
            settings[$"Meta:UtilityTemplates:status_update:{configured.Language}"] = configured.Name;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton<IMessagingConsent>(new InMemoryConsent());
        builder.Services.AddSingleton<IDeliveryStatusLog>(new InMemoryDeliveryLog());
        builder.Services.AddSingleton<IInboundActivitySink>(new RecordingInboundSink());
        builder.Services.AddSingleton<ILastInboundLookup>(_store);
        builder.AddMetaChannel();
        return builder.Build();
    }

    private MetaSender Sender((string Language, string Name)? template = null)
    {
        var host = Host(template);
        _hosts.Add(host);
        return host.Services.GetRequiredService<MetaSender>();
    }
}
