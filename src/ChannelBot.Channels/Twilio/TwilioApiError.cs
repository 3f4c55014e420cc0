using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Twilio;

/// <summary>Twilio's REST error body: <c>{"code":21211,"message":"…","more_info":"…","status":400}</c>.</summary>
internal sealed class TwilioApiError
{
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public int? Status { get; set; }
}
