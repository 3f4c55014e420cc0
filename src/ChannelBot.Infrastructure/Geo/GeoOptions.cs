namespace ChannelBot.Infrastructure.Geo;

/// <summary>
/// Where the city's geography files are (section <c>Geo</c>). <see cref="Folder"/> holds them under the usual names
/// (addresses.csv, streets.geojson, boundary.geojson, wards.geojson, places.geojson, neighbours.json); each
/// file setting overrides one path. Unset: the sample city, geo/springfield, next to the app or above the current
/// directory (a developer's checkout). <see cref="Enabled"/> false keeps places as residents typed them.
/// </summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    public bool Enabled { get; set; } = true;

    /// <summary>Watch the folder and load the files again when they change (default true); a change that does not load keeps the previous map.</summary>
    public bool ReloadOnChange { get; set; } = true;

    public string? Folder { get; set; }

    public string? Addresses { get; set; }

    public string? Streets { get; set; }

    public string? Boundary { get; set; }

    public string? Areas { get; set; }

    public string? Places { get; set; }

    public string? Neighbours { get; set; }
}
