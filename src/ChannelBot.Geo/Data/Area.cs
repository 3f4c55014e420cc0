using NetTopologySuite.Geometries;

namespace ChannelBot.Geo.Data;

/// <summary>An area of the city (a ward, a district) that cases are routed and counted by.</summary>
public sealed record Area(string Name, string? Code)
{
    internal Geometry Shape { get; init; } = Polygon.Empty;
}
