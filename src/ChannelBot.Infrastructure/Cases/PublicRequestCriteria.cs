using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// Which requests the public pages show: filed since <see cref="Since"/>, of one service, in some statuses and one area
/// when those are given. Cases closed as duplicates are never among them (they follow their original).
/// </summary>
/// <param name="Since">Only cases filed at or after this instant (the period the resident picked).</param>
/// <param name="ServiceCode">A catalog service code; null: every service.</param>
/// <param name="Statuses">The statuses to show; empty: every status.</param>
/// <param name="Area">An area (ward) name exactly as cases carry it; null: everywhere.</param>
public sealed record PublicRequestCriteria(DateTimeOffset Since, string? ServiceCode, IReadOnlyList<CaseStatus> Statuses, string? Area);
