using System.Net;
using System.Net.WebSockets;
using System.Text;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>The WebSocket stream: replay after the watermark on every new socket, live ActivitySets, keep-alives.</summary>
public sealed class DirectLineStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan FrameWait = TimeSpan.FromSeconds(30);

    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_socket_replays_the_history_then_streams_the_echo_and_the_bots_reply()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var first = await client.SayAsync("before the socket");

        using var socket = await ConnectAsync(client.StreamUrl!);
        var replay = await ReceiveSetAsync(socket);
        Assert.Equal([first], replay.Activities.Select(a => a.Id));

        var second = await client.SayAsync("over the socket");
        var echo = await ReceiveSetAsync(socket);
        Assert.Equal([second], echo.Activities.Select(a => a.Id));

        var reply = await SendReplyAsync(client.ConversationId, second, "thanks");
        var pushed = await ReceiveSetAsync(socket);
        var bot = Assert.Single(pushed.Activities);
        Assert.Equal(reply, bot.Id);
        Assert.Equal(second, bot.ReplyToId);
        Assert.Equal("bot", bot.From?.Role);
        Assert.Equal("4", pushed.Watermark);   // join, first, second, reply
    }

    [Fact]
    public async Task A_reconnected_socket_replays_exactly_what_came_after_the_watermark()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        using (var socket = await ConnectAsync(client.StreamUrl!))
        {
            await client.SayAsync("one");
            var set = await ReceiveSetAsync(socket);
            client.Watermark = set.Watermark!;
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "drop", CancellationToken.None);
        }

        var missed = new[] { await client.SayAsync("two"), await SendReplyAsync(client.ConversationId, null, "three") };
        using var reconnect = await client.ReconnectAsync();
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Contains($"watermark={client.Watermark}", client.StreamUrl, StringComparison.Ordinal);

        using var again = await ConnectAsync(client.StreamUrl!);
        var replay = await ReceiveSetAsync(again);
        Assert.Equal(missed, replay.Activities.Select(a => a.Id));
    }

    [Fact]
    public async Task The_client_pings_are_ignored_and_an_idle_socket_gets_empty_keep_alive_frames()
    {
        var clock = TestClock.Create();
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:KeepAliveInterval"] = "00:00:00.050" }, timeProvider: clock);
        var client = await DirectLineTestClient.StartedAsync(host.Client);
        using var socket = await ConnectAsync(client.StreamUrl!);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

        // The keep-alive is due on the app's clock: move it on until the frame comes.
        var receiving = ReceiveTextAsync(socket);
        while (!receiving.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(60));
            await Task.WhenAny(receiving, Task.Delay(20));
        }

        var frame = await receiving;

        Assert.Equal(string.Empty, frame);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_socket_without_a_token_or_with_another_conversations_token_is_refused()
    {
        var mine = await DirectLineTestClient.StartedAsync(_host.Client);
        var theirs = await DirectLineTestClient.StartedAsync(_host.Client);
        var noToken = mine.StreamUrl!.Split('?')[0];
        var wrong = theirs.StreamUrl!.Replace(theirs.ConversationId, mine.ConversationId, StringComparison.Ordinal);

        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(noToken));
        await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(wrong));
    }

    [Fact]
    public async Task A_plain_GET_on_the_stream_gets_400()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var http = client.StreamUrl!.Replace("ws://", "http://", StringComparison.Ordinal);

        using var response = await _host.Client.GetAsync(new Uri(http));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<string> SendReplyAsync(string conversationId, string? replyToId, string text)
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
        var result = await _host.Sender.SendAsync(new OutboundMessage(Random.Shared.NextInt64(1, long.MaxValue), "directline", "key", reply, 0), CancellationToken.None);
        return result.ProviderMessageId!;
    }

    private static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(FrameWait);
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }

    private static async Task<(List<Activity> Activities, string? Watermark)> ReceiveSetAsync(WebSocket socket)
    {
        while (true)
        {
            var text = await ReceiveTextAsync(socket);
            if (text.Length > 0)
            {
                return DirectLineTestClient.ReadSet(text);
            }
        }
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(FrameWait);
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
