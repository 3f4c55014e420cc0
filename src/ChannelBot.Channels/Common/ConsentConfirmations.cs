using System.Text.Json;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Common;

/// <summary>
/// The one message that confirms an opt-out or opt-in. It is marked in <c>channelData</c> so the sender lets
/// it through to an address that has just opted out (the confirmation is the last message it gets).
/// </summary>
public static class ConsentConfirmations
{
    public const string Marker = "consentConfirmation";

    /// <summary>A reply to <paramref name="inbound"/> carrying <paramref name="text"/>, marked as a confirmation.</summary>
    public static Activity ReplyTo(Activity inbound, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = inbound.ChannelId,
            Timestamp = now,
            From = inbound.Recipient?.Id is { } us ? new ChannelAccount(us, role: RoleTypes.Bot) : null,
            Recipient = inbound.From?.Id is { } resident ? new ChannelAccount(resident, role: RoleTypes.User) : null,
            Conversation = inbound.Conversation?.Id is { } conversation ? new ConversationAccount(conversation) : null,
            ReplyToId = inbound.Id,
            Text = text,
            ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [Marker] = true }, ConsentJsonContext.Default.DictionaryStringBoolean),
        };
    }

    public static bool IsConfirmation(Activity activity) =>
        activity?.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(Marker, out var flag)
        && flag.ValueKind == JsonValueKind.True;
}
