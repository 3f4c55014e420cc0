using NetTopologySuite.Geometries;

namespace ChannelBot.Geo.Data;

/// <summary>A named place residents refer to (a park, a school, a library), with the other names they use for it.</summary>
/// <param name="Anchor">Where a report "at" the place is put: its point, or a point inside its polygon.</param>
public sealed record Place(string Id, string Name, string Kind, IReadOnlyList<string> Aliases, string? Address, GeoPosition Anchor)
{
    internal Geometry? Shape { get; init; }
}
