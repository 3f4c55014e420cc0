namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// An inbound activity, stored before the channel is acknowledged. (ChannelId, ActivityId) is unique, so a
/// redelivered webhook cannot be stored twice.
/// </summary>
public sealed class InboundActivityRecord
{
    /// <summary>Arrival order.</summary>
    public long Id { get; set; }

    public required string ChannelId { get; set; }

    /// <summary>The provider's message id (Twilio MessageSid, Meta mid, Direct Line activity id...).</summary>
    public required string ActivityId { get; set; }

    public required string ConversationKey { get; set; }

    public required string ActivityJson { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>
    /// The conversation's activity whose turn was committed just before this one's (set by this one's turn; null for
    /// the first, or for one set aside without a turn). A case's conversation is read by following these links back
    /// from <see cref="ConversationRecord.LastInboundId"/>: no index groups every row by its conversation's key, which
    /// cost every turn a random index write (docs/benchmarks.md, "The conversation on the case").
    /// </summary>
    public long? PreviousId { get; set; }

    /// <summary>When its turn was committed, or when it was given up; null while it waits.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Tries that failed with an error.</summary>
    public int Attempts { get; set; }

    /// <summary>Tries abandoned because the engine ran over its time budget.</summary>
    public int Overruns { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// When the activity was set aside for staff after too many failed or overrun tries (the resident was told);
    /// <see cref="ProcessedAt"/> is set at the same moment, so it is never run again.
    /// </summary>
    public DateTimeOffset? SetAsideAt { get; set; }

    /// <summary>
    /// The instance running its turn (ChannelBot.Infrastructure.Instances): the one that stored it, or the one that took
    /// it over from an instance that stopped or died.
    /// </summary>
    public string? OwnerId { get; set; }
}
