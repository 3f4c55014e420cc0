using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>Filters for the staff case list. Null means any.</summary>
public sealed record CaseQuery(
    IReadOnlyList<CaseStatus>? Statuses = null,
    string? ServiceCode = null,
    string? Department = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null,
    int Page = 1,
    int PageSize = 50);
