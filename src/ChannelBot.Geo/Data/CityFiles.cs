namespace ChannelBot.Geo.Data;

/// <summary>
/// Where the city's open data is: address points (OpenAddresses CSV), street centrelines with address ranges,
/// the city limit, areas such as wards and named places (GeoJSON), and the neighbouring jurisdictions (JSON).
/// Any file may be missing; what it would give is then not available (no addresses: intersections and places only).
/// </summary>
public sealed record CityFiles(
    string? Addresses,
    string? Streets,
    string? Boundary,
    string? Areas,
    string? Places,
    string? Neighbours)
{
    /// <summary>The usual file names in one folder (the layout of geo/springfield).</summary>
    public static CityFiles InFolder(string folder) => new(
        Path.Combine(folder, "addresses.csv"),
        Path.Combine(folder, "streets.geojson"),
        Path.Combine(folder, "boundary.geojson"),
        Path.Combine(folder, "wards.geojson"),
        Path.Combine(folder, "places.geojson"),
        Path.Combine(folder, "neighbours.json"));

    /// <summary>Every file that exists, for watching and fingerprinting.</summary>
    public IEnumerable<string> Existing() =>
        new[] { Addresses, Streets, Boundary, Areas, Places, Neighbours }.OfType<string>().Where(File.Exists);
}
