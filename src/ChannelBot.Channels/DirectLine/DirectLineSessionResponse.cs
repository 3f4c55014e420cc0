using System.Text.Json.Serialization;

namespace ChannelBot.Channels.DirectLine;

/// <summary>What <c>POST /api/chat/session</c> gives a page: a conversation token and where to use it.</summary>
internal sealed class DirectLineSessionResponse
{
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    [JsonPropertyName("conversationId")]
    public required string ConversationId { get; init; }

    [JsonPropertyName("userId")]
    public required string UserId { get; init; }

    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    /// <summary>The Direct Line base URL for <c>createDirectLine({ domain })</c>.</summary>
    [JsonPropertyName("domain")]
    public required string Domain { get; init; }
}
