using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Connector;

/// <summary>The OAuth token endpoint's answer, success (<c>access_token</c>...) or error (<c>error</c>...).</summary>
internal sealed class ConnectorTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    /// <summary>Seconds. AAD v1 endpoints send it as a string, v2 as a number; both are read.</summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
