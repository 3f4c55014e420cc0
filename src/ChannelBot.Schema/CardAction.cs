using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Schema;

/// <summary>A clickable action (a button or a suggested action). See <see cref="ActionTypes"/>.</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string title, string value)
    {
        Type = type;
        Title = title;
        Value = JsonSerializer.SerializeToElement(value, SchemaJsonContext.Default.String);
    }

    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? ImageAltText { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    /// <summary>A string for imBack/postBack; any JSON for messageBack.</summary>
    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The value as text when it is a JSON string, otherwise null.</summary>
    [JsonIgnore]
    public string? ValueText => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
