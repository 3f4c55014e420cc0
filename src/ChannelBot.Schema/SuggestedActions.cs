using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Schema;

/// <summary>Buttons offered with the latest bot message; <see cref="To"/> limits who sees them.</summary>
public sealed class SuggestedActions
{
    public List<string>? To { get; set; }

    public List<CardAction> Actions { get; set; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
