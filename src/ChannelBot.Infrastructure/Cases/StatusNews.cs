namespace ChannelBot.Infrastructure.Cases;

/// <summary>What a status change tells residents: the closure reason, the public note, whether followers hear it, and whether it may not wait for the morning.</summary>
internal sealed record StatusNews(string? Reason, string? PublicNote, bool FollowersToo = true, bool Urgent = false);
