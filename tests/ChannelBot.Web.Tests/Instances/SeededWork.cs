using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using ChannelBot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Web.Tests.Instances;

/// <summary>What other instances leave in a shared database: their rows in Instances, their inbound activities and outbox rows.</summary>
internal static class SeededWork
{
    /// <summary>An instance that says it is alive for the whole test.</summary>
    public static async Task AliveInstanceAsync(TestStorage storage, string id)
    {
        await using var db = storage.Open();
        db.Instances.Add(new InstanceRecord { Id = id, StartedAt = PinnedClock.Default, HeartbeatAt = PinnedClock.Default.AddHours(1) });
        await db.SaveChangesAsync();
    }

    /// <summary>An instance that stopped saying it is alive two minutes before the test began (it died).</summary>
    public static async Task DeadInstanceAsync(TestStorage storage, string id)
    {
        await using var db = storage.Open();
        db.Instances.Add(new InstanceRecord { Id = id, StartedAt = PinnedClock.Default.AddHours(-1), HeartbeatAt = PinnedClock.Default.AddMinutes(-2) });
        await db.SaveChangesAsync();
    }

    public static async Task LeaveAsync(TestStorage storage, string id)
    {
        await using var db = storage.Open();
        await db.Instances.Where(i => i.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>A pending message to an emulator conversation, owned by <paramref name="owner"/>.</summary>
    public static async Task OutboxRowAsync(TestStorage storage, FakeConnector connector, string conversation, string text, string owner)
    {
        await using var db = storage.Open();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelIds.Emulator,
            ServiceUrl = connector.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversation },
            Recipient = new ChannelAccount { Id = "resident-1" },
            From = new ChannelAccount { Id = "channelbot" },
            Text = text,
        };
        db.OutboxMessages.Add(new OutboxMessageRecord
        {
            ConversationKey = $"emulator/conversations/{conversation}",
            ChannelId = ChannelIds.Emulator,
            ActivityJson = ActivityJson.Serialize(activity),
            CreatedAt = PinnedClock.Default,
            NextAttemptAt = PinnedClock.Default,
            Status = OutboxStatus.Pending,
            OwnerId = owner,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A resident's "hi" on an emulator conversation, stored but not yet run, owned by <paramref name="owner"/>.</summary>
    public static async Task InboundAsync(TestStorage storage, FakeConnector connector, string conversation, string activityId, string owner)
    {
        await using var db = storage.Open();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = activityId,
            ChannelId = ChannelIds.Emulator,
            ServiceUrl = connector.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversation },
            From = new ChannelAccount { Id = "resident-1" },
            Recipient = new ChannelAccount { Id = "channelbot" },
            Text = "hi",
            Timestamp = PinnedClock.Default,
        };
        db.InboundActivities.Add(new InboundActivityRecord
        {
            ChannelId = ChannelIds.Emulator,
            ActivityId = activityId,
            ConversationKey = $"emulator/conversations/{conversation}",
            ActivityJson = ActivityJson.Serialize(activity),
            ReceivedAt = PinnedClock.Default,
            OwnerId = owner,
        });
        await db.SaveChangesAsync();
    }
}
