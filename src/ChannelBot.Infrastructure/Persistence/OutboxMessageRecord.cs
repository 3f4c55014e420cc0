namespace ChannelBot.Infrastructure.Persistence;

/// <summary>An outbound activity, saved in the same transaction as the turn or status change that produced it.</summary>
public sealed class OutboxMessageRecord
{
    public long Id { get; set; }

    public required string ConversationKey { get; set; }

    public required string ChannelId { get; set; }

    public required string ActivityJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the dispatcher may try (again); pending rows are picked in this order.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The provider's id for the sent message (Twilio MessageSid, Meta message_id...).</summary>
    public string? ProviderMessageId { get; set; }

    public string? LastError { get; set; }

    /// <summary>The last delivery status the provider reported (Twilio <c>MessageStatus</c>: queued, sent, delivered, read, failed…).</summary>
    public string? DeliveryStatus { get; set; }

    /// <summary>
    /// The rank of <see cref="DeliveryStatus"/> (ChannelBot.Application.Messaging.DeliveryStatusRank): a report only
    /// ever raises it, so callbacks arriving late or twice never move a status backwards.
    /// </summary>
    public int DeliveryRank { get; set; }

    /// <summary>The provider's error code with a failed or undelivered status (Twilio <c>ErrorCode</c>, e.g. 30003).</summary>
    public string? DeliveryErrorCode { get; set; }

    public DateTimeOffset? DeliveryUpdatedAt { get; set; }

    /// <summary>The case the message is about, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The inbound activity whose turn wrote this reply; null for messages no turn wrote (notifications, receipts).</summary>
    public long? InboundId { get; set; }

    /// <summary>
    /// The instance sending it (ChannelBot.Infrastructure.Instances): the one that wrote it, or the one that took it
    /// over from an instance that stopped or died. Only the owner sends a pending row.
    /// </summary>
    public string? OwnerId { get; set; }
}
