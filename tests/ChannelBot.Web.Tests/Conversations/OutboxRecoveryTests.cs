using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Web.Tests.Conversations;

/// <summary>
/// A message committed to the outbox by a process that died before sending it is sent once by the next process,
/// and a message already sent is not sent again.
/// </summary>
public sealed class OutboxRecoveryTests
{
    [Theory]
    [MemberData(nameof(TestStorage.Providers), MemberType = typeof(TestStorage))]
    public async Task A_message_committed_before_a_crash_is_sent_exactly_once_after_restart(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        using var connector = new FakeConnector();
        var conversation = "outbox-" + Guid.NewGuid().ToString("N");

        // A first process talks with the resident, then stops with everything sent.
        await using (var first = ChannelBotApp.Start(storage))
        {
            using var http = first.CreateHttpClient();
            await new EmulatorClient(http, connector, conversation).SayAsync("hi");
        }

        var sentBefore = connector.SentTo(conversation).Count;

        // What a process leaves behind when it dies right after its commit: a pending row no one sent.
        await using (var db = storage.Open())
        {
            var reference = new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = ChannelIds.Emulator,
                ServiceUrl = connector.ServiceUrl,
                Conversation = new ConversationAccount { Id = conversation },
                Recipient = new ChannelAccount { Id = "resident-1" },
                From = new ChannelAccount { Id = "channelbot" },
                Text = "Update on your report: crews are working on it now.",
            };
            db.OutboxMessages.Add(new OutboxMessageRecord
            {
                ConversationKey = $"emulator/conversations/{conversation}",
                ChannelId = ChannelIds.Emulator,
                ActivityJson = ActivityJson.Serialize(reference),
                CreatedAt = PinnedClock.Default,
                NextAttemptAt = PinnedClock.Default,
                Status = OutboxStatus.Pending,
            });
            await db.SaveChangesAsync();
        }

        await using (var second = ChannelBotApp.Start(storage))
        {
            await Eventually.HoldsAsync(() => connector.SentTo(conversation).Count > sentBefore);
            await Eventually.HoldsAsync(async () => await storage.PendingOutboxAsync() == 0);
        }

        // A third process finds nothing left to send.
        await using (var third = ChannelBotApp.Start(storage))
        {
            using var http = third.CreateHttpClient();
            await new EmulatorClient(http, connector, conversation).SayAsync("help");
        }

        var sent = connector.SentTo(conversation);
        Assert.Equal(1, sent.Count(a => a.Text == "Update on your report: crews are working on it now."));
        Assert.True(sentBefore + 2 == sent.Count, string.Join(" | ", sent.Select(a => $"{a.ReplyToId}: {a.Text}")));
    }
}
