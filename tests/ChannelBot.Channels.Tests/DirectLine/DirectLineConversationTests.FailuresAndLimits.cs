using System.Net;
using System.Text.Json;
using ChannelBot.Application.DirectLine;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>Direct Line when the inbox or the store fails, under rate and size limits, and across reconnects, sweeps and unknown conversations.</summary>
public sealed partial class DirectLineConversationTests
{
    [Fact]
    public async Task While_the_inbox_fails_a_post_gets_503_a_poll_still_gets_200_and_the_refused_activity_is_never_echoed()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        await client.SayAsync("before");
        _sink.Failing = true;

        using var refused = await client.PostAsync(DirectLineTestClient.Message("during", "c-during"));
        using var poll = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var (activities, watermark) = DirectLineTestClient.ReadSet(await poll.Content.ReadAsStringAsync());
        Assert.Equal(["before"], activities.Select(a => a.Text));

        _sink.Failing = false;
        await client.SayAsync("after");
        client.Watermark = watermark!;
        Assert.Equal(["after"], (await client.PollAsync()).Select(a => a.Text));
    }

    [Fact]
    public async Task A_poll_answers_200_with_an_empty_set_and_the_same_watermark_when_the_store_throws()
    {
        await using var host = await DirectLineTestHost.StartAsync(storeOverride: new BrokenStore());
        var client = new DirectLineTestClient(host.Client, DirectLineTestHost.Secret) { ConversationId = "any" };

        using var poll = await client.GetActivitiesAsync("7");

        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        var (activities, watermark) = DirectLineTestClient.ReadSet(await poll.Content.ReadAsStringAsync());
        Assert.Empty(activities);
        Assert.Equal("7", watermark);
    }

    [Fact]
    public async Task Too_many_posts_get_429_with_Retry_After_until_the_bucket_refills()
    {
        await using var host = await DirectLineTestHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:PostBurst"] = "3", ["DirectLine:PostsPerMinute"] = "2" },
            timeProvider: _clock);
        var client = await DirectLineTestClient.StartedAsync(host.Client);
        for (var i = 0; i < 3; i++)
        {
            await client.SayAsync($"message {i}");
        }

        using var limited = await client.PostAsync(DirectLineTestClient.Message("one too many", "c4"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), limited.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(host.Sink.Received, a => a.Text == "one too many");

        _clock.Advance(TimeSpan.FromSeconds(30));
        await client.SayAsync("after waiting");

        var other = await DirectLineTestClient.StartedAsync(host.Client);
        await other.SayAsync("another conversation has its own limit");
    }

    [Fact]
    public async Task Reconnect_returns_a_new_token_and_a_streamUrl_that_carries_the_watermark()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var before = client.Token;
        _clock.Advance(TimeSpan.FromSeconds(2));

        using var response = await client.ReconnectAsync("4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, client.Token);
        Assert.Contains("/stream?watermark=4&t=", client.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_conversation_gets_404_on_reconnect_poll_and_post()
    {
        var secret = new DirectLineTestClient(_host.Client, DirectLineTestHost.Secret) { ConversationId = "nosuchconversation" };

        using var reconnect = await secret.ReconnectAsync();
        using var poll = await secret.GetActivitiesAsync();
        using var post = await secret.PostAsync(DirectLineTestClient.Message("hi", "c1"));

        Assert.All([reconnect, poll, post], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    [Fact]
    public async Task An_idle_conversation_is_dropped_by_the_sweep_and_then_gets_404()
    {
        var idle = await DirectLineTestClient.StartedAsync(_host.Client);
        _clock.Advance(TimeSpan.FromDays(6));
        var active = await DirectLineTestClient.StartedAsync(_host.Client);
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        using (var refresh = await idle.RefreshAsync())
        {
            Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);   // the token expired long ago anyway
        }

        await _host.Services.GetRequiredService<DirectLineJanitor>().SweepAsync();

        var conversations = _host.Services.GetRequiredService<DirectLineConversations>();
        Assert.Null(await conversations.FindAsync(idle.ConversationId, CancellationToken.None));
        Assert.NotNull(await conversations.FindAsync(active.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task When_the_store_is_full_a_new_conversation_gets_429()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:MaxConversations"] = "2" });
        await DirectLineTestClient.GenerateAsync(host.Client);
        await DirectLineTestClient.GenerateAsync(host.Client);

        using var request = DirectLineTestClient.Request(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineTestHost.Secret);
        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }
}
