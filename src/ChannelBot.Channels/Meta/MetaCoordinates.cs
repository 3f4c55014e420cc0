using System.Text.Json.Serialization;

namespace ChannelBot.Channels.Meta;

/// <summary>A shared location: <c>{"lat": …, "long": …}</c>.</summary>
internal sealed class MetaCoordinates
{
    public double? Lat { get; set; }

    [JsonPropertyName("long")]
    public double? Long { get; set; }
}
