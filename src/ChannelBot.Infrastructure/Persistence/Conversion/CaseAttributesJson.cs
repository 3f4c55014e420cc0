using System.Text.Json;
using ChannelBot.Domain.Cases;

namespace ChannelBot.Infrastructure.Persistence.Conversion;

/// <summary>A case's attribute answers as one JSON array: <c>[{"code":"size","values":["large"],"display":"Large"}]</c>.</summary>
internal static class CaseAttributesJson
{
    public static string Serialize(IReadOnlyList<CaseAttribute> attributes)
    {
        var stored = new StoredCaseAttribute[attributes.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            var attribute = attributes[i];
            stored[i] = new StoredCaseAttribute(attribute.Code, [.. attribute.Values], attribute.DisplayText);
        }

        return JsonSerializer.Serialize(stored, PersistenceJsonContext.Default.StoredCaseAttributeArray);
    }

    public static IReadOnlyList<CaseAttribute> Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.StoredCaseAttributeArray) ?? [];
        return stored.Select(a => new CaseAttribute(a.Code, a.Values ?? [], a.Display)).ToList();
    }
}
