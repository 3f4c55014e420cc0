using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
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

/// <summary><see cref="MetaSender"/> against a fake Send API (WireMock) asserting the exact JSON and the window and error rules.</summary>
public sealed partial class MetaSenderTests : IDisposable
{
    private const string Resident = MetaTestHost.Resident;

    private readonly FakeGraphApi _graph = new();
    private readonly InMemoryConsent _consent = new();
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly InMemoryMessengerWindows _windows = new(TimeProvider.System);
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _graph.Dispose();
    }

    [Fact]
    public async Task A_text_reply_is_posted_as_a_response_with_the_page_token()
    {
        _graph.AcceptMessages();

        var result = await Sender().SendAsync(Outbound(7, Reply("Thanks, your report is filed.")), CancellationToken.None);

        Assert.Equal(SendResult.Sent(FakeGraphApi.TextMid), result);
        var send = Assert.Single(_graph.Sends);
        Assert.Equal(
            """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"text":"Thanks, your report is filed."}}""",
            FakeGraphApi.Body(send).ToJsonString());
        Assert.Equal("Bearer " + MetaTestHost.PageAccessToken, send.RequestMessage.Headers!["Authorization"].Single());
        Assert.StartsWith("application/json", send.RequestMessage.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MetaTestHost.AppSecret), Encoding.UTF8.GetBytes(MetaTestHost.PageAccessToken)));
        Assert.Equal(proof, send.RequestMessage.Query!["appsecret_proof"].Single());
        Assert.DoesNotContain("access_token", send.RequestMessage.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choices_become_quick_replies_whose_payload_is_the_options_value()
    {
        _graph.AcceptMessages();
        var activity = Reply("What is the problem?");
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [new("imBack", "Pothole", "pothole"), new("imBack", "Graffiti", "graffiti"), new("imBack", "Streetlight out", "streetlight")],
        };

        var result = await Sender().SendAsync(Outbound(1, activity), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(
            """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"text":"What is the problem?","quick_replies":[{"content_type":"text","title":"Pothole","payload":"pothole"},{"content_type":"text","title":"Graffiti","payload":"graffiti"},{"content_type":"text","title":"Streetlight out","payload":"streetlight"}]}}""",
            Assert.Single(_graph.Bodies).ToJsonString());
    }

    [Fact]
    public async Task Thirteen_choices_are_quick_replies_and_fourteen_a_numbered_list()
    {
        _graph.AcceptMessages();
        var thirteen = WithChoices(Reply("Pick one"), 13);
        var fourteen = WithChoices(Reply("Pick one"), 14);

        await Sender().SendAsync(Outbound(1, thirteen), CancellationToken.None);
        await Sender().SendAsync(Outbound(2, fourteen), CancellationToken.None);

        var bodies = _graph.Bodies;
        Assert.Equal(13, bodies[0]["message"]!["quick_replies"]!.AsArray().Count);
        Assert.Null(bodies[1]["message"]!["quick_replies"]);
        Assert.Equal("Pick one\n" + string.Join('\n', Enumerable.Range(1, 14).Select(i => $"{i}. Option {i}")), bodies[1]["message"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_title_over_twenty_characters_turns_the_menu_into_a_numbered_list()
    {
        _graph.AcceptMessages();
        var activity = Reply("Is it blocking traffic?");
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [new("imBack", "Yes", "yes"), new("imBack", "Yes, the whole road is closed", "closed")],
        };

        await Sender().SendAsync(Outbound(1, activity), CancellationToken.None);

        Assert.Equal(
            """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"text":"Is it blocking traffic?\n1. Yes\n2. Yes, the whole road is closed"}}""",
            Assert.Single(_graph.Bodies).ToJsonString());
    }

    [Fact]
    public async Task An_image_goes_as_its_own_attachment_message_before_the_text()
    {
        _graph.AcceptMessages();
        var activity = Reply("Here is the map.");
        activity.Attachments =
        [
            new Attachment { ContentType = "image/png", ContentUrl = "https://311.example.gov/maps/1.png" },
            new Attachment { ContentType = "application/pdf", ContentUrl = "https://311.example.gov/a.pdf" },
        ];

        var result = await Sender().SendAsync(Outbound(3, activity), CancellationToken.None);

        Assert.Equal(SendResult.Sent(FakeGraphApi.TextMid), result);
        Assert.Equal(
            [
                """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"image","payload":{"url":"https://311.example.gov/maps/1.png"}}}}""",
                """{"recipient":{"id":"6512300000000001"},"messaging_type":"RESPONSE","message":{"text":"Here is the map."}}""",
            ],
            _graph.Bodies.Select(b => b.ToJsonString()));
    }

    private static Activity Reply(string? text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "facebook",
        From = new ChannelAccount(MetaTestHost.PageId),
        Recipient = new ChannelAccount(Resident),
        Conversation = new ConversationAccount(Resident),
        ReplyToId = "m_text_AbC123",
        Text = text,
    };

    private static Activity Notification(string text)
    {
        var activity = Reply(text);
        activity.ReplyToId = null;
        return activity;
    }

    private static Activity WithChoices(Activity activity, int count)
    {
        activity.SuggestedActions = new SuggestedActions
        {
            Actions = [.. Enumerable.Range(1, count).Select(i => new CardAction("imBack", $"Option {i}", $"option-{i}"))],
        };
        return activity;
    }

    private static OutboundMessage Outbound(long id, Activity activity) =>
        new(id, "facebook", ConversationKey.For("facebook", activity.Conversation!.Id!), activity, 0);

    private Dictionary<string, string?> Settings(string? pageToken = MetaTestHost.PageAccessToken, string? graphBaseUrl = null)
    {
        var settings = MetaTestHost.ConfiguredSettings();
        settings["Meta:GraphBaseUrl"] = graphBaseUrl ?? _graph.Url;
        settings["Meta:SendTimeout"] = "00:00:10";
        settings["Meta:PageAccessToken"] = pageToken;
        return settings;
    }

    private HostApplicationBuilder Builder(Dictionary<string, string?> settings, ListLoggerProvider? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddLogging();
        if (logs is not null)
        {
            builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
        }

        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddSingleton<IMessagingConsent>(_consent);
        builder.Services.AddSingleton<IDeliveryStatusLog>(new InMemoryDeliveryLog());
        builder.Services.AddSingleton<IInboundActivitySink>(new RecordingInboundSink());
        builder.Services.AddSingleton<IMessengerWindows>(_windows);
        builder.AddMetaChannel();
        return builder;
    }

    private IMessengerWindows Windows() => _windows;

    private IHost Host(ListLoggerProvider? logs = null, string? pageToken = MetaTestHost.PageAccessToken, string? graphBaseUrl = null)
    {
        var host = Builder(Settings(pageToken, graphBaseUrl), logs).Build();
        return host;
    }

    private MetaSender Sender(ListLoggerProvider? logs = null, string? pageToken = MetaTestHost.PageAccessToken, string? graphBaseUrl = null)
    {
        var host = Host(logs, pageToken, graphBaseUrl);
        _hosts.Add(host);
        return host.Services.GetRequiredService<MetaSender>();
    }
}
