using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace ChannelBot.Geo.Data;

/// <summary>Reads the features of a GeoJSON FeatureCollection: each feature's properties and geometry.</summary>
internal static class GeoJsonFile
{
    private static readonly JsonSerializerOptions GeometryOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    public static IEnumerable<(JsonElement Properties, Geometry Geometry)> Features(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
        if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{path}: not a GeoJSON FeatureCollection (no \"features\" array)");
        }

        var result = new List<(JsonElement, Geometry)>();
        foreach (var feature in features.EnumerateArray())
        {
            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default;
            if (feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
            {
                result.Add((properties, Geometry(g)));
            }
        }

        return result;
    }

    public static Geometry Geometry(JsonElement element) =>
        element.Deserialize<Geometry>(GeometryOptions) ?? throw new InvalidDataException("a feature without a geometry");

    public static string? Text(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static int? Integer(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
            ? n
            : null;

    public static IReadOnlyList<string> Texts(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}
