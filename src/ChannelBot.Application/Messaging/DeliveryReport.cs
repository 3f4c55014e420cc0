namespace ChannelBot.Application.Messaging;

/// <summary>One status report of one outbound message.</summary>
/// <param name="OutboxId">The outbox row, when the report names it (our status callback URL carries it); else found by <paramref name="ProviderMessageId"/>.</param>
/// <param name="Status">The provider's status word, e.g. <c>delivered</c>.</param>
/// <param name="Rank">Its place in <see cref="DeliveryStatusRank"/>.</param>
public sealed record DeliveryReport(long? OutboxId, string ProviderMessageId, string Status, int Rank, string? ErrorCode, DateTimeOffset At);
