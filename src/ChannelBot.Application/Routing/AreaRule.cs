namespace ChannelBot.Application.Routing;

/// <summary>Cases of <see cref="Services"/> (empty: every service) pinned inside <see cref="Area"/> go to <see cref="Department"/>.</summary>
public sealed record AreaRule(string Name, GeoPolygon Area, IReadOnlyList<string> Services, string Department);
