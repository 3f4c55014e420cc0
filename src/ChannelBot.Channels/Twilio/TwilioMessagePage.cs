using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Twilio;

/// <summary>One page of <c>GET …/Messages.json</c>.</summary>
internal sealed class TwilioMessagePage
{
    [JsonPropertyName("messages")]
    public List<TwilioMessageResource>? Messages { get; set; }
}
