using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>
/// A conversation whose log is shared by several instances (PostgreSQL): two live objects over one store stand for two
/// instances. Ids never collide, both read one log by position, and an instance appends its own activities in the
/// order of its slots, so a post's echo comes before the reply to it.
/// </summary>
public sealed class DirectLineSharedConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reply_sent_while_the_post_it_answers_is_pending_is_appended_after_the_posts_echo()
    {
        var (store, shared, stored) = await NewAsync();
        var conversation = Live(store, shared, stored);
        var post = await conversation.ReserveAsync(CancellationToken.None);

        var reply = conversation.AppendBotAsync(Message("the reply"), outboxId: 1, Now, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(reply.IsCompleted);
        Assert.Empty(shared.Order);

        Assert.True(await conversation.CompleteAsync(post, Message("the post", conversation.IdOf(post)), visible: true, Now));
        var replyId = await reply;

        Assert.Equal([conversation.IdOf(post), replyId], shared.Order);
        var read = await conversation.ReadAsync(0, CancellationToken.None);
        Assert.Equal(["the post", "the reply"], read.Activities.Select(a => a.Text));
        Assert.Equal(3, read.Watermark);
    }

    [Fact]
    public async Task Two_instances_appending_at_once_hand_out_distinct_ids_and_read_one_log_by_position()
    {
        var (store, shared, stored) = await NewAsync();
        var first = Live(store, shared, stored);
        var second = Live(store, shared, stored);

        var ids = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).AppendBotAsync(Message($"reply {i}"), outboxId: i, Now, CancellationToken.None))));

        Assert.Equal(40, ids.Distinct().Count());
        var fromFirst = await first.ReadAsync(0, CancellationToken.None);
        var fromSecond = await second.ReadAsync(0, CancellationToken.None);
        Assert.Equal(shared.Order, fromFirst.Activities.Select(a => a.Id));
        Assert.Equal(shared.Order, fromSecond.Activities.Select(a => a.Id));
        Assert.Equal(41, fromSecond.Watermark);
        var page = await second.ReadAsync(39, CancellationToken.None, max: 1);
        Assert.Equal(shared.Order[38], Assert.Single(page.Activities).Id);
        Assert.Equal(40, page.Watermark);
        var nothing = await first.ReadAsync(41, CancellationToken.None);
        Assert.Empty(nothing.Activities);
        Assert.Equal(41, nothing.Watermark);
    }

    [Fact]
    public async Task A_resend_on_the_other_instance_keeps_the_first_id()
    {
        var (store, shared, stored) = await NewAsync();
        var first = Live(store, shared, stored);
        var second = Live(store, shared, stored);

        var sent = await first.AppendBotAsync(Message("once"), outboxId: 9, Now, CancellationToken.None);
        var resent = await second.AppendBotAsync(Message("once"), outboxId: 9, Now, CancellationToken.None);

        Assert.Equal(sent, resent);
        Assert.Single((await second.ReadAsync(0, CancellationToken.None)).Activities);
    }

    [Fact]
    public async Task A_conversation_is_started_once_whichever_instance_starts_it()
    {
        var (store, shared, stored) = await NewAsync();

        var started = await Task.WhenAll(Live(store, shared, stored).MarkStartedAsync(CancellationToken.None), Live(store, shared, stored).MarkStartedAsync(CancellationToken.None));

        Assert.Single(started, true);
    }

    private static async Task<(IDirectLineConversationStore Store, InMemorySharedLog Shared, StoredDirectLineConversation Stored)> NewAsync()
    {
        var store = new InMemoryDirectLineConversationStore();
        var stored = new StoredDirectLineConversation("conversation", "dl_user", null, Now, Now, 0, Started: false);
        await store.AddAsync(stored, CancellationToken.None);
        return (store, new InMemorySharedLog(store), stored);
    }

    private static DirectLineConversation Live(IDirectLineConversationStore store, IDirectLineSharedLog shared, StoredDirectLineConversation stored) =>
        new(store, stored, [], tailSize: 64, new DirectLineRateBucket(10, 10, Now), shared: shared);

    private static Activity Message(string text, string? id = null) => new() { Type = ActivityTypes.Message, Text = text, Id = id, From = new ChannelAccount { Id = "bot", Role = RoleTypes.Bot } };
}
