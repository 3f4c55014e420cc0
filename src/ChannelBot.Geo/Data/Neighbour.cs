using NetTopologySuite.Geometries;

namespace ChannelBot.Geo.Data;

/// <summary>
/// A jurisdiction next to the city (a town, the county, the state's roads) that a resident may report from by
/// mistake, and whom to contact instead.
/// </summary>
/// <param name="Roads">Roads it maintains that residents name ("COUNTY RD 9").</param>
public sealed record Neighbour(string Id, string Name, string Kind, string? Handles, IReadOnlyList<string> Roads, NeighbourContact Contact)
{
    internal Geometry? Shape { get; init; }
}

/// <summary>How to reach a neighbouring jurisdiction.</summary>
public sealed record NeighbourContact(string? Department, string? Phone, string? Website, string? Email);
