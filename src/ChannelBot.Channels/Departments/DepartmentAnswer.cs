using System.Net;
using System.Text.Json;

namespace ChannelBot.Channels.Departments;

/// <summary>What a department's system answered to a delivery, as the outbox needs it: worth trying again, and the ids in it.</summary>
internal static class DepartmentAnswer
{
    /// <summary>The longest answer read (ids and an error text are all we look for).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>408, 425, 429 and 5xx: the system may take it later; any other refusal is final.</summary>
    public static bool IsWorthRetrying(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode is 425 or >= 500;

    /// <summary>
    /// The first of <paramref name="names"/> found in the JSON answer (an object, or an Open311-style list whose first
    /// item is one), as text of at most 200 characters; null when the answer has none or is not JSON.
    /// </summary>
    public static string? Field(byte[] answer, params string[] names)
    {
        try
        {
            using var document = JsonDocument.Parse(answer, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0] : document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in names)
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    var text = value.ToString();
                    return text.Length is > 0 and <= 200 ? text : null;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: nothing to read from it.
        }

        return null;
    }
}
