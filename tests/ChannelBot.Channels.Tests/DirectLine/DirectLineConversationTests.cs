using System.Net;
using System.Text.Json;
using ChannelBot.Application.DirectLine;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>Start, reconnect, post and poll: ids, timestamps, the echo, watermarks, the rate limit, the inbox failing.</summary>
public sealed partial class DirectLineConversationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
    private readonly SwitchableInboundSink _sink = new();
    private DirectLineTestHost _host = null!;
    private long _outboxId;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync(
        new Dictionary<string, string?> { ["DirectLine:PostBurst"] = "25", ["DirectLine:PostsPerMinute"] = "5" },
        timeProvider: _clock,
        sinkOverride: _sink);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_with_a_token_answers_201_with_a_new_token_and_an_absolute_streamUrl_then_200()
    {
        var client = await DirectLineTestClient.GenerateAsync(_host.Client);
        var generated = client.Token;

        using var first = await client.StartAsync("""{"user":{"id":"u-web"}}""");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotEqual(generated, client.Token);
        Assert.StartsWith($"ws://{_host.BaseAddress.Authority}/v3/directline/conversations/{client.ConversationId}/stream?t=", client.StreamUrl, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(1800, json.RootElement.GetProperty("expires_in").GetInt32());

        using var again = await client.StartAsync();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var join = Assert.Single(_sink.Inner.Received);
        Assert.Equal("conversationUpdate", join.Type);
        Assert.Equal("directline", join.ChannelId);
        Assert.Equal($"{client.ConversationId}|0000000", join.Id);
        Assert.Equal(join.From?.Id, Assert.Single(join.MembersAdded!).Id);
    }

    [Fact]
    public async Task Start_with_the_secret_creates_a_conversation_for_the_users_id()
    {
        var client = new DirectLineTestClient(_host.Client, DirectLineTestHost.Secret);

        using var response = await client.StartAsync("""{"user":{"id":"dl_ana","name":"Ana"},"locale":"es-US"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var join = Assert.Single(_sink.Inner.Received);
        Assert.Equal("dl_ana", join.From?.Id);
        Assert.Equal("es-US", join.Locale);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"user":{"id":""}}""")]
    public async Task A_start_body_that_makes_no_sense_gets_400(string body)
    {
        var client = new DirectLineTestClient(_host.Client, DirectLineTestHost.Secret);

        using var response = await client.StartAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_post_is_stamped_handed_to_the_inbox_and_echoed_with_its_clientActivityID()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        var id = await client.SayAsync("there is a pothole on Main", "rjlpkvd36tk");

        Assert.Equal($"{client.ConversationId}|0000001", id);
        var stored = _sink.Inner.Received.Single(a => a.Type == "message");
        Assert.Equal(id, stored.Id);
        Assert.Equal("directline", stored.ChannelId);
        Assert.Equal(client.ConversationId, stored.Conversation?.Id);
        Assert.Equal(_clock.GetUtcNow(), stored.Timestamp);
        Assert.Equal("rjlpkvd36tk", stored.ChannelDataObject?.GetProperty("clientActivityID").GetString());
        Assert.Equal("channelbot", stored.Recipient?.Id);
        Assert.Null(stored.ServiceUrl);

        using var poll = await client.GetActivitiesAsync();
        var body = await poll.Content.ReadAsStringAsync();
        var echo = Assert.Single(DirectLineTestClient.ReadSet(body).Activities);
        Assert.Equal(id, echo.Id);
        Assert.Equal("there is a pothole on Main", echo.Text);
        Assert.Equal("rjlpkvd36tk", echo.ChannelDataObject?.GetProperty("clientActivityID").GetString());
        Assert.Contains("\"timestamp\":\"2026-11-23T18:00:00", body, StringComparison.Ordinal);
        Assert.Contains("Z\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("conversationUpdate", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_is_echoed_but_not_given_to_the_bot()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.PostAsync("""{"type":"typing","from":{"id":"u"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_sink.Inner.Received, a => a.Type == "typing");
        Assert.Equal("typing", Assert.Single(await client.PollAsync()).Type);
    }

    [Theory]
    [InlineData("{ not json", HttpStatusCode.BadRequest)]
    [InlineData("""{"text":"no type"}""", HttpStatusCode.BadRequest)]
    [InlineData("[1,2]", HttpStatusCode.BadRequest)]
    public async Task A_post_that_is_not_an_activity_gets_400_and_nothing_is_stored(string body, HttpStatusCode expected)
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.PostAsync(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(_sink.Inner.Received, a => a.Type != "conversationUpdate");
        Assert.Empty(await client.PollAsync());
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.PostAsync(DirectLineTestClient.Message(new string('x', 300_000), "c1"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Watermarks_deliver_every_activity_once_in_order_across_interleaved_posts_replies_and_polls()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var expected = new List<string>();
        var seen = new List<string>();
        for (var turn = 0; turn < 6; turn++)
        {
            var id = await client.SayAsync($"message {turn}");
            expected.Add(id);
            if (turn % 2 == 0)
            {
                seen.AddRange((await client.PollAsync()).Select(a => a.Id!));
            }

            expected.Add(await ReplyAsync(client.ConversationId, id, $"reply {turn}"));
            if (turn % 3 == 0)
            {
                seen.AddRange((await client.PollAsync()).Select(a => a.Id!));
            }
        }

        seen.AddRange((await client.PollAsync()).Select(a => a.Id!));
        var watermark = client.Watermark;
        Assert.Empty(await client.PollAsync());

        Assert.Equal(expected, seen);
        Assert.Equal(watermark, client.Watermark);
        Assert.Equal(expected.Count + 1, int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));   // + the join, never delivered
    }

    [Fact]
    public async Task A_poll_without_a_watermark_returns_the_whole_history_and_a_bad_watermark_gets_400()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        await client.SayAsync("one");
        await client.SayAsync("two");

        Assert.Equal(2, (await client.PollAsync()).Count);
        client.Watermark = string.Empty;
        Assert.Equal(2, (await client.PollAsync()).Count);

        using var bad = await client.GetActivitiesAsync("-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<string> ReplyAsync(string conversationId, string replyToId, string text)
    {
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "directline",
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = "channelbot", Name = "City 311" },
            ReplyToId = replyToId,
            Text = text,
        };
        var result = await _host.Sender.SendAsync(new OutboundMessage(++_outboxId, "directline", "key", reply, 0), CancellationToken.None);
        Assert.Equal(SendOutcome.Sent, result.Outcome);
        return result.ProviderMessageId!;
    }

    private sealed class BrokenStore : IDirectLineConversationStore
    {
        public Task<int> CountAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task AddAsync(StoredDirectLineConversation conversation, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<StoredDirectLineConversationWithTail?> FindAsync(string conversationId, int tail, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task MarkStartedAsync(string conversationId, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task ReserveThroughAsync(string conversationId, long nextSequence, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<long> AppendAsync(string conversationId, StoredDirectLineActivity activity, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<IReadOnlyList<StoredDirectLineActivity>> ReadAsync(string conversationId, long fromSequence, long toSequence, int limit, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task TouchAsync(string conversationId, DateTimeOffset lastActiveAt, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<bool> TryCountUploadsAsync(string conversationId, int files, long bytes, int maxFiles, long maxBytes, CancellationToken cancellationToken) => throw new InvalidOperationException("broken");

        public Task<IReadOnlyList<string>> DeleteIdleAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);
    }
}
