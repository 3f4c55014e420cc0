using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChannelBot.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire: camelCase, nulls omitted, and any property this class
/// does not name kept in <see cref="Properties"/> so that it is written back unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>Required. See <see cref="ActivityTypes"/>; unknown types are legal and must be ignored.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? TopicName { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    /// <summary>See <see cref="InputHints"/>: <c>acceptingInput</c>, <c>expectingInput</c>, <c>ignoringInput</c>.</summary>
    public string? InputHint { get; set; }

    public string? Summary { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public List<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public string? Label { get; set; }

    public string? ValueType { get; set; }

    public JsonElement? Value { get; set; }

    public string? Name { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    public string? Code { get; set; }

    [JsonConverter(typeof(UtcTimestampJsonConverter))]
    public DateTimeOffset? Expiration { get; set; }

    public string? Importance { get; set; }

    public string? DeliveryMode { get; set; }

    public List<string>? ListenFor { get; set; }

    public JsonElement? SemanticAction { get; set; }

    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>True when <see cref="Type"/> is the given type (ordinal, as the spec requires).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>The reference that lets the bot write to this conversation later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>A message from the bot back to the sender of this activity, threaded to it.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name },
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>The channel data as an object, or null when absent or not an object. Not a wire property.</summary>
    [JsonIgnore]
    public JsonElement? ChannelDataObject =>
        ChannelData is { ValueKind: JsonValueKind.Object } data ? data : null;
}
