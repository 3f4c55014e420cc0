using System.Text.Json;
using System.Text.Json.Serialization;
using ChannelBot.Dialogs.Definitions;

namespace ChannelBot.Dialogs.Loading;

/// <summary>A bot text is written either as plain text or as <c>{ text, sms }</c> when SMS gets a shorter variant.</summary>
internal sealed class LocalizedStringJsonConverter : JsonConverter<LocalizedString>
{
    public override LocalizedString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new LocalizedString { Text = reader.GetString()! };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected text, or text: and sms:");
        }

        string? text = null;
        string? sms = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "text":
                    text = reader.GetString();
                    break;
                case "sms":
                    sms = reader.GetString();
                    break;
                default:
                    throw new JsonException($"'{name}' is not a key of a text; the keys are text, sms");
            }
        }

        return new LocalizedString { Text = text ?? throw new JsonException("text: is required"), Sms = sms };
    }

    public override void Write(Utf8JsonWriter writer, LocalizedString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Sms is null)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        writer.WriteString("sms", value.Sms);
        writer.WriteEndObject();
    }
}
