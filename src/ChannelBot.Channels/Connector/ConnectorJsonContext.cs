using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Connector;

/// <summary>Source-generated serializers for the channel's own (non-activity) JSON.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ConnectorTokenResponse))]
internal sealed partial class ConnectorJsonContext : JsonSerializerContext;
