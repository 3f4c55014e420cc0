using System.Text.Json.Serialization;

namespace ChannelBot.Dialogs.State;

/// <summary>Source-generated serializer for <see cref="ConversationState"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class DialogStateJsonContext : JsonSerializerContext;
