using System.Globalization;
using System.Text.Json;

namespace ChannelBot.Schema;

/// <summary>
/// A location pin carried by an activity, read from a schema.org <c>GeoCoordinates</c> entity or from a
/// <c>Place</c> entity whose <c>geo</c> holds one (how Bot Framework channels and our own channel mappers send it).
/// </summary>
public sealed record GeoPoint(double Latitude, double Longitude, string? Name = null, string? Address = null)
{
    public const string GeoCoordinatesType = "GeoCoordinates";
    public const string PlaceType = "Place";

    /// <summary>The first location pin in the activity's entities, if any.</summary>
    public static GeoPoint? FromActivity(Activity activity)
    {
        if (activity.Entities is null)
        {
            return null;
        }

        foreach (var entity in activity.Entities)
        {
            if (entity.Properties is null)
            {
                continue;
            }

            if (entity.Type == GeoCoordinatesType && TryRead(entity.Properties, out var point))
            {
                return point;
            }

            if (entity.Type == PlaceType && entity.Properties.TryGetValue("geo", out var geo) && geo.ValueKind == JsonValueKind.Object)
            {
                var inner = geo.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                if (TryRead(inner, out var placePoint))
                {
                    return placePoint with
                    {
                        Name = placePoint.Name ?? Text(entity.Properties, "name"),
                        Address = Text(entity.Properties, "address"),
                    };
                }
            }
        }

        return null;
    }

    /// <summary>A <c>Place</c> entity carrying this point, as channel mappers attach it to an inbound activity.</summary>
    public Entity ToEntity()
    {
        var geo = new Dictionary<string, object?>
        {
            ["type"] = GeoCoordinatesType,
            ["latitude"] = Latitude,
            ["longitude"] = Longitude,
        };
        var properties = new Dictionary<string, JsonElement>
        {
            ["geo"] = JsonSerializer.SerializeToElement(geo, SchemaJsonContext.Default.DictionaryStringObject),
        };
        if (Name is not null)
        {
            properties["name"] = JsonSerializer.SerializeToElement(Name, SchemaJsonContext.Default.String);
        }

        if (Address is not null)
        {
            properties["address"] = JsonSerializer.SerializeToElement(Address, SchemaJsonContext.Default.String);
        }

        return new Entity(PlaceType) { Properties = properties };
    }

    private static bool TryRead(Dictionary<string, JsonElement> properties, out GeoPoint point)
    {
        point = null!;
        if (!TryNumber(properties, "latitude", out var lat) || !TryNumber(properties, "longitude", out var lon))
        {
            return false;
        }

        if (double.IsNaN(lat) || double.IsNaN(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return false;
        }

        point = new GeoPoint(lat, lon, Text(properties, "name"));
        return true;
    }

    private static bool TryNumber(Dictionary<string, JsonElement> properties, string name, out double value)
    {
        value = double.NaN;
        if (!properties.TryGetValue(name, out var element))
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out value),
            JsonValueKind.String => double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static string? Text(Dictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}
