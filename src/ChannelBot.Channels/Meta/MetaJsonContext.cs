using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Meta;

/// <summary>Source-generated JSON for Meta's wire shapes (snake_case, unknown fields ignored).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MetaMessaging))]
[JsonSerializable(typeof(MetaSendResponse))]
[JsonSerializable(typeof(MetaGraphErrorEnvelope))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class MetaJsonContext : JsonSerializerContext
{
}
