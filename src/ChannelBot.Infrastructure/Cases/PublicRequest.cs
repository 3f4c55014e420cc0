using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// A case as the public pages and the GeoJSON feed show it, made only by <see cref="PublicDisclosure"/>: nothing about
/// the reporter, the place at block level, the point to about 100 m, and the description only if the resident agreed.
/// </summary>
/// <param name="Location">Null when the case has no point on the city's map (the words a resident typed stay private).</param>
/// <param name="Latitude">Rounded to 3 decimals; null without a point.</param>
/// <param name="Longitude">Rounded to 3 decimals; null without a point.</param>
/// <param name="Description">The resident's description, only when they agreed to show it; otherwise null.</param>
public sealed record PublicRequest(
    TicketNumber Ticket,
    string ServiceCode,
    string ServiceName,
    CaseStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    PublicLocation? Location,
    double? Latitude,
    double? Longitude,
    string? Area,
    string? Description);
