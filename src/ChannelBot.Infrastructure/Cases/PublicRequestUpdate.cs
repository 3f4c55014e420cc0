using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>One status change in a request's public history: when, from and to which status, and the city's public note (never the internal note or who made it).</summary>
/// <param name="From">Null for the first entry (the report itself).</param>
public sealed record PublicRequestUpdate(DateTimeOffset At, CaseStatus? From, CaseStatus To, string? PublicNote);
