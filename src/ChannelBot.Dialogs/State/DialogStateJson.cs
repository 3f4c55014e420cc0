using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Dialogs.State;

/// <summary>Reads and writes <see cref="ConversationState"/> (source-generated, camelCase, nulls omitted).</summary>
public static class DialogStateJson
{
    public static string Serialize(ConversationState state) =>
        JsonSerializer.Serialize(state, DialogStateJsonContext.Default.ConversationState);

    /// <summary>The state stored as JSON; a fresh state for null or empty text.</summary>
    public static ConversationState Deserialize(string? json) =>
        string.IsNullOrEmpty(json)
            ? new ConversationState()
            : JsonSerializer.Deserialize(json, DialogStateJsonContext.Default.ConversationState) ?? new ConversationState();
}
