using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Twilio;

/// <summary>The fields of Twilio's Message resource (<c>Messages.json</c>) this channel reads.</summary>
internal sealed class TwilioMessageResource
{
    [JsonPropertyName("sid")]
    public string? Sid { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("to")]
    public string? To { get; set; }

    [JsonPropertyName("from")]
    public string? From { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("direction")]
    public string? Direction { get; set; }

    /// <summary>RFC 2822, e.g. <c>Mon, 23 Nov 2026 18:00:00 +0000</c>.</summary>
    [JsonPropertyName("date_created")]
    public string? DateCreated { get; set; }

    [JsonPropertyName("num_segments")]
    public string? NumSegments { get; set; }
}
