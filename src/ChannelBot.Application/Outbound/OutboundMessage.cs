using ChannelBot.Schema;

namespace ChannelBot.Application.Outbound;

/// <summary>One outbox row on its way out: the activity to send and how many times sending was tried before.</summary>
/// <param name="Id">The outbox row id: stable across retries, usable as an idempotency key.</param>
public sealed record OutboundMessage(long Id, string ChannelId, string ConversationKey, Activity Activity, int PreviousAttempts);
