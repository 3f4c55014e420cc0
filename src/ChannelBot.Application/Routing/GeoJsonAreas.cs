using System.Text.Json;

namespace ChannelBot.Application.Routing;

/// <summary>Reads areas (wards, districts) from GeoJSON: a FeatureCollection, a Feature, or a bare Polygon/MultiPolygon.</summary>
public static class GeoJsonAreas
{
    /// <summary>Every area in the document, by the feature's <paramref name="nameProperty"/> (or "area N").</summary>
    /// <exception cref="FormatException">The document is not GeoJSON with polygons.</exception>
    public static IReadOnlyList<(string Name, GeoPolygon Area)> Read(string json, string nameProperty = "name")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var areas = new List<(string, GeoPolygon)>();
            switch (TypeOf(root))
            {
                case "FeatureCollection":
                    foreach (var feature in root.GetProperty("features").EnumerateArray())
                    {
                        if (FromFeature(feature, nameProperty, areas.Count + 1) is { } area)
                        {
                            areas.Add(area);
                        }
                    }

                    break;
                case "Feature":
                    if (FromFeature(root, nameProperty, 1) is { } single)
                    {
                        areas.Add(single);
                    }

                    break;
                default:
                    areas.Add(("area 1", FromGeometry(root) ?? throw new FormatException("The GeoJSON geometry is not a Polygon or MultiPolygon.")));
                    break;
            }

            return areas.Count > 0 ? areas : throw new FormatException("The GeoJSON holds no Polygon or MultiPolygon.");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("The GeoJSON could not be read: " + exception.Message, exception);
        }
    }

    private static (string, GeoPolygon)? FromFeature(JsonElement feature, string nameProperty, int index)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || FromGeometry(geometry) is not { } polygon)
        {
            return null;
        }

        var name = feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(nameProperty, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : $"area {index}";
        return (name, polygon);
    }

    private static GeoPolygon? FromGeometry(JsonElement geometry) => TypeOf(geometry) switch
    {
        "Polygon" => new GeoPolygon([Rings(geometry.GetProperty("coordinates"))]),
        "MultiPolygon" => new GeoPolygon([.. geometry.GetProperty("coordinates").EnumerateArray().Select(Rings)]),
        _ => null,
    };

    private static IReadOnlyList<IReadOnlyList<(double, double)>> Rings(JsonElement polygon) =>
        [.. polygon.EnumerateArray().Select(ring => (IReadOnlyList<(double, double)>)[.. ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))])];

    private static string? TypeOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var type) ? type.GetString() : null;
}
