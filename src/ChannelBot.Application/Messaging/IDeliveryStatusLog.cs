namespace ChannelBot.Application.Messaging;

/// <summary>
/// Delivery statuses of sent messages, reported by the provider after the send (Twilio status callbacks). Kept
/// on the outbox row of the message; a status never moves backwards.
/// </summary>
public interface IDeliveryStatusLog
{
    Task<DeliveryReportOutcome> RecordAsync(DeliveryReport report, CancellationToken cancellationToken);

    /// <summary>The provider's id of an outbox row's message, when a send or a status report has made it known.</summary>
    Task<string?> FindProviderMessageIdAsync(long outboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Of <paramref name="providerMessageIds"/>, those already recorded on an outbox row other than
    /// <paramref name="outboxId"/>: a reconciling look-up must not take another row's message for its own (the same
    /// text sent twice within minutes).
    /// </summary>
    Task<IReadOnlySet<string>> ClaimedByOthersAsync(long outboxId, IReadOnlyCollection<string> providerMessageIds, CancellationToken cancellationToken);
}
