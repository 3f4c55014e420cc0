using System.Text.Json;
using ChannelBot.Geo.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace ChannelBot.Geo.Data;

/// <summary>Reads the city's files (<see cref="CityFiles"/>) into a <see cref="CityMap"/>; a file that is set but unreadable fails loudly.</summary>
internal static class CityMapLoader
{
    public static CityMap Load(CityFiles files)
    {
        var streets = new Dictionary<string, Street>(StringComparer.Ordinal);
        Street StreetNamed(string name, IReadOnlyList<string> alt) =>
            streets.TryGetValue(name, out var s) ? s : streets[name] = new Street(StreetName.Parse(name), [.. alt.Select(StreetName.Parse)]);

        if (Exists(files.Streets) is { } streetsPath)
        {
            foreach (var (properties, geometry) in GeoJsonFile.Features(streetsPath))
            {
                var name = GeoJsonFile.Text(properties, "name")?.Trim().ToUpperInvariant();
                foreach (var line in Lines(geometry))
                {
                    if (string.IsNullOrEmpty(name))
                    {
                        continue;
                    }

                    StreetNamed(name, GeoJsonFile.Texts(properties, "alt_names")).Add(new StreetSegment(
                        GeoJsonFile.Text(properties, "id") ?? "", name, line,
                        Range(properties, "l_from", "l_to"), Range(properties, "r_from", "r_to")));
                }
            }
        }

        if (Exists(files.Addresses) is { } addressesPath)
        {
            foreach (var address in AddressPointReader.Read(addressesPath))
            {
                StreetNamed(address.Street, []).Add(address);
            }
        }

        foreach (var street in streets.Values)
        {
            street.Seal();
        }

        return new CityMap(streets.Values, Places(files.Places), Areas(files.Areas), Boundary(files.Boundary), Neighbours(files.Neighbours));
    }

    private static string? Exists(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        return File.Exists(path) ? path : throw new FileNotFoundException($"the city's geography file {path} does not exist", path);
    }

    private static IEnumerable<LineString> Lines(Geometry geometry) => geometry switch
    {
        LineString line => [line],
        MultiLineString lines => lines.Geometries.OfType<LineString>(),
        _ => [],
    };

    private static AddressRange? Range(JsonElement properties, string from, string to) =>
        GeoJsonFile.Integer(properties, from) is { } f && GeoJsonFile.Integer(properties, to) is { } t ? new AddressRange(f, t) : null;

    private static List<Place> Places(string? path) => Exists(path) is not { } p ? [] :
    [
        .. GeoJsonFile.Features(p).Select(f => new Place(
            GeoJsonFile.Text(f.Properties, "id") ?? "",
            GeoJsonFile.Text(f.Properties, "name") ?? "",
            GeoJsonFile.Text(f.Properties, "kind") ?? "",
            GeoJsonFile.Texts(f.Properties, "aliases"),
            GeoJsonFile.Text(f.Properties, "address"),
            Anchor(f.Geometry)) { Shape = f.Geometry is Point ? null : f.Geometry })
            .Where(place => place.Name.Length > 0),
    ];

    private static List<Area> Areas(string? path) => Exists(path) is not { } p ? [] :
    [
        .. GeoJsonFile.Features(p).Select(f => new Area(
            GeoJsonFile.Text(f.Properties, "name") ?? GeoJsonFile.Text(f.Properties, "id") ?? "",
            GeoJsonFile.Text(f.Properties, "number") ?? GeoJsonFile.Text(f.Properties, "code")) { Shape = f.Geometry }),
    ];

    private static Geometry? Boundary(string? path) =>
        Exists(path) is { } p ? UnaryUnionOp.Union(GeoJsonFile.Features(p).Select(f => f.Geometry).ToList()) : null;

    private static List<Neighbour> Neighbours(string? path)
    {
        if (Exists(path) is not { } p)
        {
            return [];
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(p));
        if (!document.RootElement.TryGetProperty("neighbours", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{p}: expected {{\"neighbours\": [...]}}");
        }

        return
        [
            .. list.EnumerateArray().Select(n =>
            {
                var contact = n.TryGetProperty("contact", out var c) ? c : default;
                return new Neighbour(
                    GeoJsonFile.Text(n, "id") ?? "", GeoJsonFile.Text(n, "name") ?? "", GeoJsonFile.Text(n, "kind") ?? "",
                    GeoJsonFile.Text(n, "handles"), GeoJsonFile.Texts(n, "roads"),
                    new NeighbourContact(GeoJsonFile.Text(contact, "department"), GeoJsonFile.Text(contact, "phone"),
                        GeoJsonFile.Text(contact, "website"), GeoJsonFile.Text(contact, "email")))
                {
                    Shape = n.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object ? GeoJsonFile.Geometry(g) : null,
                };
            }),
        ];
    }

    private static GeoPosition Anchor(Geometry geometry)
    {
        var point = geometry is Point p ? p : geometry.Centroid is { } c && geometry.Covers(c) ? c : geometry.InteriorPoint;
        return new GeoPosition(point.Y, point.X);
    }
}
