using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>The webhook when the channel is off, in Development, and when the inbox is down.</summary>
public sealed class MetaWebhookConfigurationTests
{
    [Fact]
    public async Task Without_settings_the_webhook_refuses_the_handshake_and_every_event()
    {
        await using var host = await MetaTestHost.StartAsync(new Dictionary<string, string?>());

        using var handshake = await host.Client.GetAsync("/api/meta/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1");
        using var post = await host.PostAsync(MetaFixtures.Read("text"), secret: MetaOptions.DefaultDevelopmentAppSecret);

        Assert.Equal(HttpStatusCode.Forbidden, handshake.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(host.Sink.Received);
    }

    [Fact]
    public async Task In_development_the_development_app_secret_signs()
    {
        await using var host = await MetaTestHost.StartAsync(new Dictionary<string, string?>(), environment: "Development");

        using var response = await host.PostAsync(MetaFixtures.Read("text"), secret: MetaOptions.DefaultDevelopmentAppSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Sink.Received);
    }

    [Fact]
    public async Task In_development_a_configured_app_secret_wins_over_the_development_one()
    {
        await using var host = await MetaTestHost.StartAsync(environment: "Development");

        using var development = await host.PostAsync(MetaFixtures.Read("text"), secret: MetaOptions.DefaultDevelopmentAppSecret);
        using var real = await host.PostAsync(MetaFixtures.Read("text"));

        Assert.Equal(HttpStatusCode.Forbidden, development.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Fact]
    public async Task When_the_inbox_is_down_the_batch_is_answered_503_so_meta_redelivers()
    {
        await using var host = await MetaTestHost.StartAsync(sinkOverride: new UnavailableInboundSink());

        using var response = await host.PostAsync(MetaFixtures.Read("batch"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
