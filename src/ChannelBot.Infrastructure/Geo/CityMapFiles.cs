namespace ChannelBot.Infrastructure.Geo;

/// <summary>
/// The city's own map layers the public map of requests draws, as files on disk (GeoJSON), resolved from the
/// <c>Geo</c> settings like the geography itself: the city limit, the areas (wards) and the street centrelines.
/// A null path: that layer is not drawn (the file is missing, or the geography is off).
/// </summary>
public sealed record CityMapFiles(string? Boundary, string? Areas, string? Streets)
{
    /// <summary>No layer: the map shows only the requests' points.</summary>
    public static CityMapFiles None { get; } = new(null, null, null);

    /// <summary>Whether any layer can be drawn.</summary>
    public bool Any => Boundary is not null || Areas is not null || Streets is not null;
}
