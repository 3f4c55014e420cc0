using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>
/// The live conversation over its store: the tail in memory, older reads from the store, and a second process (a
/// restart) picking the log up where the store has it without reusing an id.
/// </summary>
public sealed class DirectLineConversationLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryDirectLineConversationStore _store = new();

    [Fact]
    public async Task Reads_from_before_the_cached_tail_come_from_the_store_in_order()
    {
        var conversation = await NewConversationAsync(Live(tail: 3));
        for (var i = 0; i < 10; i++)
        {
            await conversation.AppendBotAsync(Bot($"reply {i}"), outboxId: i, Now, CancellationToken.None);
        }

        var all = await conversation.ReadAsync(0, CancellationToken.None);
        var fromFive = await conversation.ReadAsync(5, CancellationToken.None);
        var fromNine = await conversation.ReadAsync(9, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"reply {i}"), all.Activities.Select(a => a.Text));
        Assert.Equal(10, all.Watermark);
        Assert.Equal(Enumerable.Range(5, 5).Select(i => conversation.IdOf(i)), fromFive.Activities.Select(a => a.Id));
        Assert.Equal("reply 9", Assert.Single(fromNine.Activities).Text);
    }

    [Fact]
    public async Task A_restarted_process_resumes_the_log_and_never_reuses_a_sequence_handed_out_before()
    {
        var before = await NewConversationAsync(Live());
        var shown = await before.AppendBotAsync(Bot("hello"), outboxId: 1, Now, CancellationToken.None);
        var lost = await before.ReserveAsync(CancellationToken.None);   // the process stops while the inbox has it

        var after = await Live().FindAsync(before.Id, CancellationToken.None);

        Assert.NotNull(after);
        var read = await after.ReadAsync(0, CancellationToken.None);
        Assert.Equal(shown, Assert.Single(read.Activities).Id);
        Assert.True(read.Watermark > lost);
        var next = await after.AppendBotAsync(Bot("still here"), outboxId: 2, Now, CancellationToken.None);
        Assert.NotEqual(after.IdOf(lost), next);
        Assert.Equal(shown, await after.AppendBotAsync(Bot("hello"), outboxId: 1, Now, CancellationToken.None));
        Assert.Equal(["hello", "still here"], (await after.ReadAsync(0, CancellationToken.None)).Activities.Select(a => a.Text));
        Assert.Equal("still here", Assert.Single((await after.ReadAsync(read.Watermark, CancellationToken.None)).Activities).Text);
    }

    [Fact]
    public async Task Nothing_after_a_pending_slot_is_visible_until_it_settles()
    {
        var conversation = await NewConversationAsync(Live());
        var pending = await conversation.ReserveAsync(CancellationToken.None);
        await conversation.AppendBotAsync(Bot("after"), outboxId: 1, Now, CancellationToken.None);

        var early = await conversation.ReadAsync(0, CancellationToken.None);
        await conversation.CompleteAsync(pending, Resident(conversation, pending, "first"), visible: true, Now);
        var settled = await conversation.ReadAsync(early.Watermark, CancellationToken.None);

        Assert.Empty(early.Activities);
        Assert.Equal(0, early.Watermark);
        Assert.Equal(["first", "after"], settled.Activities.Select(a => a.Text));
        Assert.Equal(2, settled.Watermark);
    }

    [Fact]
    public async Task Many_posts_at_once_get_unique_gap_free_sequences_that_a_restart_reads_back()
    {
        var conversation = await NewConversationAsync(Live(tail: 8));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var sequence = await conversation.ReserveAsync(CancellationToken.None);
            await conversation.CompleteAsync(sequence, Resident(conversation, sequence, $"message {i}"), visible: true, Now);
        })));

        var read = await conversation.ReadAsync(0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => conversation.IdOf(i)), read.Activities.Select(a => a.Id));
        Assert.Equal(50, read.Activities.Select(a => a.Text).Distinct().Count());
        Assert.Equal(50, read.Watermark);
        var restarted = await Live(tail: 8).FindAsync(conversation.Id, CancellationToken.None);
        Assert.Equal(read.Activities.Select(a => a.Id), (await restarted!.ReadAsync(0, CancellationToken.None)).Activities.Select(a => a.Id));
    }

    private DirectLineConversations Live(int tail = 64) =>
        new(_store, Options.Create(new DirectLineOptions { CachedActivitiesPerConversation = tail }));

    private static async Task<DirectLineConversation> NewConversationAsync(DirectLineConversations conversations) =>
        (await conversations.CreateAsync("dl_resident", null, Now, CancellationToken.None))!;

    private static Activity Bot(string text) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "channelbot", Role = RoleTypes.Bot },
        Text = text,
    };

    private static Activity Resident(DirectLineConversation conversation, long sequence, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = conversation.IdOf(sequence),
        From = new ChannelAccount { Id = "dl_resident", Role = RoleTypes.User },
        Text = text,
    };
}
