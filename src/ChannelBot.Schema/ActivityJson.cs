using System.Text.Json;

namespace ChannelBot.Schema;

/// <summary>Reads and writes the wire model the way every Bot Framework client expects.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options => SchemaJsonContext.Default.Options;

    public static string Serialize(Activity activity) =>
        JsonSerializer.Serialize(activity, SchemaJsonContext.Default.Activity);

    public static byte[] SerializeToUtf8Bytes(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, SchemaJsonContext.Default.Activity);

    /// <summary>Parses one activity; throws <see cref="JsonException"/> on malformed JSON or a non-object body.</summary>
    public static Activity Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, SchemaJsonContext.Default.Activity)
        ?? throw new JsonException("The body is JSON null, not an activity.");

    /// <inheritdoc cref="Deserialize(ReadOnlySpan{byte})"/>
    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize(json, SchemaJsonContext.Default.Activity)
        ?? throw new JsonException("The body is JSON null, not an activity.");

    public static string Serialize(ConversationReference reference) =>
        JsonSerializer.Serialize(reference, SchemaJsonContext.Default.ConversationReference);

    public static ConversationReference DeserializeReference(string json) =>
        JsonSerializer.Deserialize(json, SchemaJsonContext.Default.ConversationReference)
        ?? throw new JsonException("The reference is JSON null.");

    /// <summary>A deep copy through the wire format (what a channel would see).</summary>
    public static Activity Clone(Activity activity) => Deserialize(SerializeToUtf8Bytes(activity));
}
