using System.Net.Sockets;
using System.Text.Json;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Connector;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Connector;

/// <summary>The Connector sender's tokens, its answers to the channel's refusals and outages, and which activities and channels it takes.</summary>
public sealed partial class ConnectorSenderTests
{
    [Fact]
    public async Task With_an_app_id_the_token_is_fetched_once_with_the_client_credentials_form_and_reused()
    {
        _connector.AnswerActivities();
        _connector.IssueTokens(3600, "token-1", "token-2");
        var sender = Sender(IdentityFixture.AppId);

        await sender.SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);
        await sender.SendAsync(Outbound(Reply("c1", "a2")), CancellationToken.None);

        var tokenRequest = Assert.Single(_connector.TokenRequests).RequestMessage;
        Assert.Equal(
            $"grant_type=client_credentials&client_id={IdentityFixture.AppId}&client_secret=s3cr%2Ft%26%3D&scope=https%3A%2F%2Fapi.botframework.com%2F.default",
            tokenRequest.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", tokenRequest.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.All(_connector.ConnectorRequests, r => Assert.Equal("Bearer token-1", r.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Equal(2, _connector.ConnectorRequests.Count);
    }

    [Fact]
    public async Task A_token_the_channel_refuses_is_replaced_and_the_activity_sent_once_more()
    {
        _connector.IssueTokens(3600, "stale-token", "fresh-token");
        _connector.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath("/v3/conversations/c1/activities/a1").UsingPost().WithHeader("Authorization", "Bearer stale-token"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401));
        _connector.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath("/v3/conversations/c1/activities/a1").UsingPost().WithHeader("Authorization", "Bearer fresh-token"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody("""{"id":"ok-1"}"""));

        var result = await Sender(IdentityFixture.AppId).SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendResult.Sent("ok-1"), result);
        Assert.Equal(2, _connector.TokenRequests.Count);
        Assert.Equal(2, _connector.ConnectorRequests.Count);
    }

    [Fact]
    public async Task A_channel_that_keeps_refusing_fresh_tokens_is_retried_later_after_one_resend()
    {
        _connector.IssueTokens(3600, "token-1", "token-2", "token-3");
        _connector.AnswerActivities(status: 401);

        var result = await Sender(IdentityFixture.AppId).SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal(2, _connector.ConnectorRequests.Count);
    }

    [Fact]
    public async Task A_rate_limited_send_is_retried_later_after_the_Retry_After_the_channel_asked_for()
    {
        _connector.AnswerActivities(status: 429, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Single(_connector.ConnectorRequests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task A_server_error_is_retried_later_and_not_resent_by_the_handler(int status)
    {
        _connector.AnswerActivities(status: status);

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Single(_connector.ConnectorRequests);
    }

    [Fact]
    public async Task A_refused_activity_fails_for_good_with_the_channels_reason()
    {
        _connector.AnswerActivities(status: 400, body: """{"error":{"code":"BadArgument","message":"Activity text too long"}}""");

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("400 BadArgument: Activity text too long", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Other_client_errors_fail_for_good(int status)
    {
        _connector.AnswerActivities(status: status);

        var result = await Sender().SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task A_channel_that_cannot_be_reached_is_retried_later()
    {
        var activity = Reply("c1", "a1");
        activity.ServiceUrl = $"http://127.0.0.1:{ClosedPort()}/";

        var result = await Sender().SendAsync(Outbound(activity), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public async Task A_token_endpoint_that_refuses_the_credentials_makes_the_send_retry_later_without_posting()
    {
        _connector.Server
            .Given(WireMock.RequestBuilders.Request.Create().WithPath(FakeConnector.TokenPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401).WithBody("""{"error":"invalid_client","error_description":"AADSTS7000215"}"""));

        var result = await Sender(IdentityFixture.AppId).SendAsync(Outbound(Reply("c1", "a1")), CancellationToken.None);

        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Contains("invalid_client", result.Error, StringComparison.Ordinal);
        Assert.Empty(_connector.ConnectorRequests);
    }

    [Theory]
    [InlineData(null, "the activity has no absolute http(s) serviceUrl")]
    [InlineData("/relative/", "the activity has no absolute http(s) serviceUrl")]
    public async Task An_activity_without_a_usable_service_url_fails_without_a_request(string? serviceUrl, string expected)
    {
        var activity = Reply("c1", "a1");
        activity.ServiceUrl = serviceUrl;

        var result = await Sender().SendAsync(Outbound(activity), CancellationToken.None);

        Assert.Equal(SendResult.Failed(expected), result);
        Assert.Empty(_connector.Server.LogEntries);
    }

    [Fact]
    public async Task Typing_and_events_are_sent_but_other_types_are_not()
    {
        _connector.AnswerActivities();
        var sender = Sender();
        var typing = Reply("c1", null);
        typing.Type = ActivityTypes.Typing;
        var trace = Reply("c1", null);
        trace.Type = ActivityTypes.Trace;

        Assert.Equal(SendOutcome.Sent, (await sender.SendAsync(Outbound(typing), CancellationToken.None)).Outcome);
        Assert.Equal(SendOutcome.Failed, (await sender.SendAsync(Outbound(trace), CancellationToken.None)).Outcome);
        Assert.Single(_connector.ConnectorRequests);
    }

    [Theory]
    [InlineData("emulator", true)]
    [InlineData("msteams", true)]
    [InlineData("slack", false)]
    public async Task With_unclaimed_channels_off_only_the_named_channels_are_handled(string channelId, bool handled)
    {
        var settings = Settings(appId: null);
        settings["Connector:HandleUnclaimedChannels"] = "false";
        var sender = Build(settings).Services.GetRequiredService<ConnectorSender>();

        Assert.Equal(handled, sender.Handles(channelId));
        await Task.CompletedTask;
    }

    [Fact]
    public void By_default_the_sender_also_takes_channels_nobody_else_claims()
    {
        Assert.True(Sender().Handles("slack"));
    }

    [Fact]
    public void The_sender_is_registered_as_the_fallback_channel_sender()
    {
        var host = Build(Settings(appId: null));

        Assert.IsType<ConnectorSender>(host.Services.GetKeyedService<IChannelSender>(ChannelSenderKeys.Fallback));
    }
}
