namespace ChannelBot.Infrastructure.Analytics;

/// <summary>Open cases whose age in whole days (at the moment of the figures) is within a range: 0-2, 3-7, 8-30, over 30.</summary>
/// <param name="MinDays">The youngest age in the bucket, in whole days.</param>
/// <param name="MaxDays">The oldest, in whole days; null for the last bucket (no limit).</param>
public sealed record BacklogBucket(string Label, int MinDays, int? MaxDays, int Count);
