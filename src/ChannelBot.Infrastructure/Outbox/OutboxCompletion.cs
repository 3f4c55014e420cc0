using ChannelBot.Infrastructure.Persistence;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>What became of one send, to be written to its outbox row.</summary>
internal sealed record OutboxCompletion(
    long Id,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt = null,
    string? ProviderMessageId = null,
    string? Error = null);
