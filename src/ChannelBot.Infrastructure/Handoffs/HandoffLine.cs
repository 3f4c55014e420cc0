namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>One resident in line for (or talking with) an operator, as the console lists them.</summary>
/// <param name="Position">1 for the longest waiting of those nobody has taken yet; 0 once an operator took it.</param>
public sealed record HandoffLine(
    long Id,
    string ChannelId,
    string Language,
    string Reason,
    DateTimeOffset RequestedAt,
    string? TakenBy,
    DateTimeOffset? TakenAt,
    int Position);
