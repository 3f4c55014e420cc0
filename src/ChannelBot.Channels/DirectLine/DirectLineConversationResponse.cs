using System.Text.Json.Serialization;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The Direct Line <c>Conversation</c> object: the answer to generate, refresh, start and reconnect. The token is
/// always there (directlinejs adopts it); <c>streamUrl</c> on start and reconnect.
/// </summary>
internal sealed class DirectLineConversationResponse
{
    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("token")]
    public required string Token { get; init; }

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("streamUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StreamUrl { get; init; }
}
