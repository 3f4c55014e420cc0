using System.Text.Json.Serialization;

namespace ChannelBot.Schema;

/// <summary>
/// Source-generated serializers for the wire model: camelCase, nulls omitted, numbers read from strings never.
/// Use <see cref="ActivityJson"/> rather than this type directly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
public sealed partial class SchemaJsonContext : JsonSerializerContext;
