using System.Net;
using ChannelBot.Application.DirectLine;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.DirectLine;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>
/// Web chat cannot be exhausted: a poll or a replay gives one page at a time, a conversation holds a bounded number of
/// bytes in memory and is let go when unused, uploads count against a per-conversation quota that a restart keeps,
/// sessions are limited per network (an IPv6 /64 counts once) and per day, and an activity is at most 32 KB.
/// </summary>
public sealed class DirectLineQuotaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemoryDirectLineConversationStore _store = new();

    [Fact]
    public async Task A_read_from_far_back_gives_one_page_and_the_watermark_to_read_on_from()
    {
        var conversation = (await Live().CreateAsync("dl_resident", null, Now, CancellationToken.None))!;
        for (var i = 0; i < 250; i++)
        {
            await conversation.AppendBotAsync(Bot($"reply {i}"), outboxId: i, Now, CancellationToken.None);
        }

        var first = await conversation.ReadAsync(0, CancellationToken.None, max: 100);
        var second = await conversation.ReadAsync(first.Watermark, CancellationToken.None, max: 100);
        var third = await conversation.ReadAsync(second.Watermark, CancellationToken.None, max: 100);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"reply {i}"), first.Activities.Select(a => a.Text));
        Assert.Equal(100, first.Watermark);
        Assert.Equal(Enumerable.Range(100, 100).Select(i => $"reply {i}"), second.Activities.Select(a => a.Text));
        Assert.Equal(Enumerable.Range(200, 50).Select(i => $"reply {i}"), third.Activities.Select(a => a.Text));
        Assert.Equal(250, third.Watermark);
        Assert.Empty((await conversation.ReadAsync(250, CancellationToken.None, max: 100)).Activities);
    }

    [Fact]
    public async Task The_log_kept_in_memory_stays_within_its_bytes_and_older_reads_come_from_the_store()
    {
        var conversations = Live(tailBytes: 8 * 1024);
        var conversation = (await conversations.CreateAsync("dl_resident", null, Now, CancellationToken.None))!;
        var big = new string('x', 3_000);
        for (var i = 0; i < 20; i++)
        {
            await conversation.AppendBotAsync(Bot($"{i} {big}"), outboxId: i, Now, CancellationToken.None);
        }

        var all = await conversation.ReadAsync(0, CancellationToken.None);

        Assert.Equal(20, all.Activities.Count);
        Assert.InRange(conversation.CachedBytes, 1, 8 * 1024);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"{i} {big}"), all.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task A_conversation_unused_for_a_while_is_let_go_from_memory_and_comes_back_whole()
    {
        var conversations = Live();
        var conversation = (await conversations.CreateAsync("dl_resident", null, Now, CancellationToken.None))!;
        await conversation.AppendBotAsync(Bot("hello"), outboxId: 1, Now, CancellationToken.None);

        var early = await conversations.UnloadInactiveAsync(Now.AddMinutes(-1), CancellationToken.None);
        var later = await conversations.UnloadInactiveAsync(Now.AddMinutes(31), CancellationToken.None);
        var back = await conversations.FindAsync(conversation.Id, CancellationToken.None);

        Assert.Equal((0, 1), (early, later));
        Assert.NotSame(conversation, back);
        Assert.Equal("hello", Assert.Single((await back!.ReadAsync(0, CancellationToken.None)).Activities).Text);
    }

    [Fact]
    public async Task A_conversation_with_an_open_socket_is_never_let_go()
    {
        var conversations = Live();
        var conversation = (await conversations.CreateAsync("dl_resident", null, Now, CancellationToken.None))!;
        var socket = conversation.OpenSocket(max: 4);

        var unloaded = await conversations.UnloadInactiveAsync(Now.AddHours(2), CancellationToken.None);

        Assert.Equal(0, unloaded);
        Assert.Same(conversation, await conversations.FindAsync(conversation.Id, CancellationToken.None));
        conversation.CloseSocket(socket);
    }

    [Fact]
    public async Task Uploads_count_against_the_conversations_quota_and_a_restart_keeps_the_count()
    {
        var conversation = (await Live().CreateAsync("dl_resident", null, Now, CancellationToken.None))!;

        Assert.True(await conversation.TryCountUploadsAsync(2, 2_000, maxFiles: 3, maxBytes: 10_000, CancellationToken.None));
        Assert.False(await conversation.TryCountUploadsAsync(2, 2_000, maxFiles: 3, maxBytes: 10_000, CancellationToken.None));
        var restarted = (await Live().FindAsync(conversation.Id, CancellationToken.None))!;
        Assert.True(await restarted.TryCountUploadsAsync(1, 2_000, maxFiles: 3, maxBytes: 10_000, CancellationToken.None));
        Assert.False(await restarted.TryCountUploadsAsync(1, 1, maxFiles: 3, maxBytes: 10_000, CancellationToken.None));
        Assert.False(await (await Live().CreateAsync("dl_other", null, Now, CancellationToken.None))!.TryCountUploadsAsync(1, 10_001, 3, 10_000, CancellationToken.None));
    }

    [Fact]
    public void Addresses_of_one_ipv6_64_share_their_network_and_ipv4_addresses_do_not()
    {
        Assert.Equal(ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2:ffff:1234:5678:9abc")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientNetwork.Of(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.NotEqual(ClientNetwork.Of(IPAddress.Parse("203.0.113.1")), ClientNetwork.Of(IPAddress.Parse("203.0.113.2")));
        Assert.Equal(ClientNetwork.Of(IPAddress.Parse("203.0.113.1")), ClientNetwork.Of(IPAddress.Parse("::ffff:203.0.113.1")));
    }

    [Fact]
    public void Sessions_from_one_64_are_limited_together_and_per_day()
    {
        var limiter = new DirectLineSessionLimiter(Options.Create(new DirectLineOptions { SessionBurst = 1_000, SessionsPerMinute = 1_000, SessionsPerDay = 5 }));

        var taken = Enumerable.Range(1, 5).Count(i => limiter.TryTake(IPAddress.Parse($"2001:db8::{i:x}"), Now, out _));
        var rotated = limiter.TryTake(IPAddress.Parse("2001:db8::beef"), Now, out var retryAfter);
        var otherNetwork = limiter.TryTake(IPAddress.Parse("2001:db8:0:1::1"), Now, out _);
        var nextDay = limiter.TryTake(IPAddress.Parse("2001:db8::1"), Now.AddDays(1), out _);

        Assert.Equal(5, taken);
        Assert.False(rotated);
        Assert.InRange(retryAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
        Assert.True(otherNetwork);
        Assert.True(nextDay);
    }

    [Fact]
    public async Task An_activity_over_32_KB_is_refused_with_413()
    {
        await using var host = await DirectLineTestHost.StartAsync();
        var client = await DirectLineTestClient.StartedAsync(host.Client);

        using var response = await client.PostAsync(DirectLineTestClient.Message(new string('a', 40_000), "big-1"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private DirectLineConversations Live(long tailBytes = 128 * 1024) =>
        new(_store, Options.Create(new DirectLineOptions { CachedBytesPerConversation = tailBytes }));

    private static Activity Bot(string text) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "channelbot", Role = RoleTypes.Bot },
        Text = text,
    };
}
