using System.Collections.Concurrent;
using NJsonSchema;

namespace ChannelBot.Dialogs.Loading;

/// <summary>Parsed JSON Schemas by their text: the same schema files are loaded at every start and in every test.</summary>
internal static class SchemaCache
{
    private static readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <exception cref="Newtonsoft.Json.JsonException">The text is not a JSON Schema.</exception>
    public static JsonSchema Parse(string content)
    {
        if (_schemas.TryGetValue(content, out var schema))
        {
            return schema;
        }

        // Our schemas are self-contained (no external $ref), so nothing here waits on IO.
        schema = JsonSchema.FromJsonAsync(content, CancellationToken.None).GetAwaiter().GetResult();
        return _schemas.GetOrAdd(content, schema);
    }
}
