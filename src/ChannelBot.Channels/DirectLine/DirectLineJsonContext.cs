using System.Text.Json.Serialization;

namespace ChannelBot.Channels.DirectLine;

/// <summary>Source-generated serializers for Direct Line's own (non-activity) JSON.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineStartRequest))]
[JsonSerializable(typeof(DirectLineConversationResponse))]
[JsonSerializable(typeof(DirectLineSessionResponse))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
