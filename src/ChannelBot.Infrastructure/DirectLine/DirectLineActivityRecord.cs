namespace ChannelBot.Infrastructure.DirectLine;

/// <summary>
/// One activity of a Direct Line conversation's log, as clients receive it: table <c>DirectLineActivities</c>, keyed
/// by conversation and sequence (the watermark). Only activities clients see are stored.
/// </summary>
public sealed class DirectLineActivityRecord
{
    public required string ConversationId { get; set; }

    public long Sequence { get; set; }

    public required string ActivityJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The outbox row a bot activity came from: unique per conversation, so a resend keeps its first id.</summary>
    public long? OutboxId { get; set; }
}
