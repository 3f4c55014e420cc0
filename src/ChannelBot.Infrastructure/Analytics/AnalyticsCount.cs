namespace ChannelBot.Infrastructure.Analytics;

/// <summary>How many cases of the period share one value (a service code, a department, an area, a channel); null: none.</summary>
public sealed record AnalyticsCount(string? Key, int Count);
