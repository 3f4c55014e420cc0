using ChannelBot.Application.Outbound;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>The sender that puts the bot's activities into a conversation's log.</summary>
public sealed class DirectLineSenderTests : IAsyncLifetime
{
    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("directline", true)]
    [InlineData("webchat", true)]
    [InlineData("emulator", false)]
    [InlineData("sms", false)]
    public void It_handles_direct_line_and_web_chat_only(string channelId, bool handled) =>
        Assert.Equal(handled, _host.Sender.Handles(channelId));

    [Fact]
    public async Task The_same_outbox_row_sent_twice_appears_once_with_one_id()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var reply = Reply(client.ConversationId, "hello");

        var first = await _host.Sender.SendAsync(new OutboundMessage(42, "directline", "k", reply, 0), CancellationToken.None);
        var again = await _host.Sender.SendAsync(new OutboundMessage(42, "directline", "k", Reply(client.ConversationId, "hello"), 1), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, again.Outcome);
        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        var delivered = Assert.Single(await client.PollAsync());
        Assert.Equal(first.ProviderMessageId, delivered.Id);
        Assert.NotNull(delivered.Timestamp);
    }

    [Fact]
    public async Task A_reply_to_the_join_loses_its_replyToId_so_Web_Chat_does_not_hold_it()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var join = _host.Sink.Received.Single(a => a.Type == "conversationUpdate");
        var greeting = Reply(client.ConversationId, "Welcome to 311");
        greeting.ReplyToId = join.Id;

        await _host.Sender.SendAsync(new OutboundMessage(1, "directline", "k", greeting, 0), CancellationToken.None);

        Assert.Null(Assert.Single(await client.PollAsync()).ReplyToId);
    }

    [Fact]
    public async Task A_conversation_that_is_gone_fails_for_good()
    {
        var result = await _host.Sender.SendAsync(new OutboundMessage(7, "directline", "k", Reply("gone", "hello"), 0), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
    }

    private static Activity Reply(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "directline",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "channelbot", Name = "City 311" },
        Text = text,
    };
}
