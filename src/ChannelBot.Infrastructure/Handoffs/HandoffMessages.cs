using System.Buffers;
using System.Text.Json;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>
/// The messages staff's side of a handoff sends the resident (the operator's replies, "Alex from 311 has joined",
/// "you're number 2 in line"): on the resident's own conversation, as a reply to their latest message (so the
/// conversation's chain shows it in place), through the outbox like every other message — the senders' opt-out and
/// window checks apply at send time.
/// </summary>
internal static class HandoffMessages
{
    /// <summary>Marks an operator's own words (the console shows who wrote them).</summary>
    public const string OperatorProperty = "channelbot.operator";

    public static OutboxMessageRecord? Row(ConversationRecord conversation, string? text, string? operatorName, DateTimeOffset now, string type = ActivityTypes.Message)
    {
        if (conversation.ReferenceJson is not { } json || ActivityJson.DeserializeReference(json) is not { } reference)
        {
            return null;
        }

        var message = new Activity
        {
            Type = type,
            ChannelId = reference.ChannelId ?? conversation.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = operatorName is null ? reference.Bot : new ChannelAccount(reference.Bot?.Id ?? "bot", PublicName(operatorName) + " (311)", RoleTypes.Bot),
            Recipient = reference.User,
            Locale = reference.Locale,
            Timestamp = now,
            Text = text,
        };
        if (operatorName is not null)
        {
            message.Properties = new() { [OperatorProperty] = JsonString(operatorName) };
        }

        var row = OutboxRows.Pending(conversation.Key, message.ChannelId!, message, now);
        row.InboundId = conversation.LastInboundId;
        return row;
    }

    private static JsonElement JsonString(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>What residents are told of an operator: the first word of their name ("Olga", not "Olga Operator").</summary>
    public static string PublicName(string operatorName) =>
        operatorName.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "311";

    /// <summary>The operator who wrote <paramref name="message"/>, if an operator did.</summary>
    public static string? OperatorOf(Activity message) =>
        message.Properties?.TryGetValue(OperatorProperty, out var name) == true && name.ValueKind == JsonValueKind.String ? name.GetString() : null;

    /// <summary>A text of the strings in <paramref name="language"/> for the channel (its SMS variant where messages are short).</summary>
    public static string Text(DialogDefinitions definitions, string channelId, string language, string key, params (string Name, string Value)[] values)
    {
        var table = definitions.Strings.TryGetValue(language, out var found) ? found : definitions.Strings[definitions.DefaultLanguage];
        var text = (table.TryGetValue(key, out var entry) ? entry : definitions.Strings[definitions.DefaultLanguage][key])
            .For(definitions.ChannelProfileFor(channelId).ShortText);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text.Replace("{phone}", definitions.City.Phone, StringComparison.Ordinal);
    }
}
