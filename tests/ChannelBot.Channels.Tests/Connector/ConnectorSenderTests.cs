using System.Net.Sockets;
using System.Text.Json;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary><see cref="ConnectorSender"/> against a fake channel (WireMock) behind <c>serviceUrl</c>.</summary>
public sealed partial class ConnectorSenderTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly List<IHost> _hosts = [];

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        _connector.Dispose();
    }

    [Fact]
    public async Task A_reply_is_posted_under_the_activity_it_answers()
    {
        _connector.AnswerActivities();

        var result = await Sender().SendAsync(Outbound(Reply("7Kq2Dz", replyToId: "0000004")), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("/v3/conversations/7Kq2Dz/activities/0000004", Assert.Single(_connector.ConnectorRequests).RequestMessage.Path);
    }

    [Fact]
    public async Task A_message_that_answers_nothing_is_posted_to_the_conversation()
    {
        _connector.AnswerActivities();

        var result = await Sender().SendAsync(Outbound(Reply("7Kq2Dz", replyToId: null)), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal("/v3/conversations/7Kq2Dz/activities", Assert.Single(_connector.ConnectorRequests).RequestMessage.Path);
    }

    [Fact]
    public async Task Ids_with_reserved_characters_reach_the_channel_intact()
    {
        _connector.AnswerActivities();

        await Sender().SendAsync(Outbound(Reply("19:meeting_x@thread.v2;messageid=17", replyToId: "7Kq2Dz|0000004?x=1#y")), CancellationToken.None);

        var request = Assert.Single(_connector.ConnectorRequests).RequestMessage;
        Assert.Equal("/v3/conversations/19:meeting_x@thread.v2;messageid=17/activities/7Kq2Dz|0000004?x=1#y", request.Path);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
    }

    [Theory]
    [InlineData("/amer/")]
    [InlineData("/amer")]
    public async Task A_service_url_keeps_its_path_with_or_without_a_trailing_slash(string servicePath)
    {
        _connector.AnswerActivities();
        var activity = Reply("c1", replyToId: "a1");
        activity.ServiceUrl = _connector.Server.Url + servicePath;

        await Sender().SendAsync(Outbound(activity), CancellationToken.None);

        Assert.Equal("/amer/v3/conversations/c1/activities/a1", Assert.Single(_connector.ConnectorRequests).RequestMessage.Path);
    }

    [Fact]
    public async Task The_body_is_the_activity_in_Bot_Framework_JSON()
    {
        _connector.AnswerActivities();
        var activity = Reply("c1", replyToId: "a1");
        activity.InputHint = InputHints.ExpectingInput;
        activity.Properties = new Dictionary<string, JsonElement> { ["x-custom"] = JsonSerializer.SerializeToElement(7) };

        await Sender().SendAsync(Outbound(activity), CancellationToken.None);

        var request = Assert.Single(_connector.ConnectorRequests).RequestMessage;
        Assert.StartsWith("application/json", request.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var sent = ActivityJson.Deserialize(request.Body!);
        Assert.Equal("message", sent.Type);
        Assert.Equal("¿Es un peligro inmediato?", sent.Text);
        Assert.Equal("a1", sent.ReplyToId);
        Assert.Equal("expectingInput", sent.InputHint);
        Assert.Equal(7, sent.Properties!["x-custom"].GetInt32());
    }

    [Fact]
    public async Task The_channel_activity_id_is_returned_on_success()
    {
        _connector.AnswerActivities(resourceId: "1700000000999");

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("1700000000999"), result);
    }

    [Fact]
    public async Task A_success_without_a_resource_id_is_still_sent()
    {
        _connector.AnswerActivities(status: 202, body: string.Empty);

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendResult.Sent(null), result);
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_requested_and_no_authorization_header_is_sent()
    {
        _connector.AnswerActivities();
        _connector.IssueTokens(3600, "should-not-be-used");

        await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Empty(_connector.TokenRequests);
        Assert.False(Assert.Single(_connector.ConnectorRequests).RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    private ConnectorSender Sender(string? appId = null) =>
        Build(Settings(appId)).Services.GetRequiredService<ConnectorSender>();

    private IHost Build(Dictionary<string, string?> settings)
    {
        var host = ConnectorServices.Build(settings, TestClock.Create());
        _hosts.Add(host);
        return host;
    }

    private Dictionary<string, string?> Settings(string? appId) => new()
    {
        ["Connector:MicrosoftAppId"] = appId,
        ["Connector:MicrosoftAppPassword"] = appId is null ? null : "s3cr/t&=",
        ["Connector:TokenEndpoint"] = _connector.TokenEndpoint,
    };

    private Activity Reply(string conversationId, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = _connector.ServiceUrl,
        From = new ChannelAccount("bot-1", "City 311"),
        Recipient = new ChannelAccount("user-1"),
        Conversation = new ConversationAccount(conversationId),
        ReplyToId = replyToId,
        Text = "¿Es un peligro inmediato?",
    };

    private static OutboundMessage Outbound(Activity activity) =>
        new(42, activity.ChannelId!, $"{activity.ChannelId}/conversations/{activity.Conversation!.Id}", activity, PreviousAttempts: 0);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
