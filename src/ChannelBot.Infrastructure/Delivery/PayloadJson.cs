using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChannelBot.Infrastructure.Delivery;

/// <summary>Source-generated serialization of delivery payloads.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class PayloadJson : JsonSerializerContext;
