namespace ChannelBot.Infrastructure.Persistence;

/// <summary>The dialog state of one conversation, saved at the end of every turn.</summary>
public sealed class ConversationRecord
{
    public const int MaxKeyLength = 300;

    /// <summary><c>{channelId}/conversations/{conversationId}</c>.</summary>
    public required string Key { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>The serialized dialog state.</summary>
    public required string StateJson { get; set; }

    /// <summary>
    /// Raised by one with every save. It is the concurrency token: a save based on an older version fails with
    /// <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/>.
    /// </summary>
    public long Version { get; set; }

    /// <summary>When the resident last wrote (WhatsApp's 24-hour window starts here).</summary>
    public DateTimeOffset? LastInboundAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The inbound activity of the last committed turn: the newest link of the chain of <see cref="InboundActivityRecord.PreviousId"/>.</summary>
    public long? LastInboundId { get; set; }

    /// <summary>The serialized conversation reference used to message the resident later.</summary>
    public string? ReferenceJson { get; set; }
}
