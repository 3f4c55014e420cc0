using System.Globalization;
using System.Text.Json;
using ChannelBot.Application.Delivery;

namespace ChannelBot.Channels.Departments;

/// <summary>
/// A delivery's payload (docs/department-webhook.md) as the form fields of GeoReport v2's <c>POST requests</c>: the
/// system's key and jurisdiction, its code for the service, the place (lat/long and the address as given), the
/// description, and the answers as <c>attribute[CODE]</c> (<c>attribute[CODE][]</c> for several values). Nothing about
/// the resident: the system's crews reach them through the city.
/// </summary>
internal static class Open311RequestForm
{
    /// <summary>GeoReport v2 servers commonly cap the description here.</summary>
    public const int MaxDescription = 4000;

    public static List<KeyValuePair<string, string>> Of(JsonElement payload, DepartmentOpen311 system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var fields = new List<KeyValuePair<string, string>> { new("api_key", system.ApiKey ?? string.Empty) };
        if (!string.IsNullOrEmpty(system.JurisdictionId))
        {
            fields.Add(new("jurisdiction_id", system.JurisdictionId));
        }

        fields.Add(new("service_code", system.ServiceCodeFor(Text(payload, "service_code") ?? string.Empty)));
        if (Number(payload, "lat") is { } lat && Number(payload, "long") is { } lon)
        {
            fields.Add(new("lat", lat.ToString("0.######", CultureInfo.InvariantCulture)));
            fields.Add(new("long", lon.ToString("0.######", CultureInfo.InvariantCulture)));
        }

        if (Text(payload, "address") is { Length: > 0 } address)
        {
            fields.Add(new("address_string", address));
        }

        var description = Text(payload, "description") ?? string.Empty;
        var ticket = Text(payload, "ticket");
        description = ticket is null ? description : $"{description}\n\n(311 ticket {ticket})";
        fields.Add(new("description", description.Length <= MaxDescription ? description : description[..MaxDescription]));
        if (payload.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array)
        {
            foreach (var attribute in attributes.EnumerateArray())
            {
                if (Text(attribute, "code") is not { Length: > 0 } code || !attribute.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var texts = values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
                var name = texts.Count == 1 ? $"attribute[{code}]" : $"attribute[{code}][]";
                fields.AddRange(texts.Select(value => new KeyValuePair<string, string>(name, value)));
            }
        }

        return fields;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
