using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Schema;

/// <summary>A file or card carried by an activity. Either <see cref="ContentUrl"/> or <see cref="Content"/>, not both.</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
