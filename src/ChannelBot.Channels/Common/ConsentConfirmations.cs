using System.Text.Json;
using ChannelBot.Application.Messaging;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Common;

/// <summary>
/// Builds the one message that confirms an opt-out or opt-in, marked (<see cref="ConsentConfirmation"/>) so the
/// send-time check lets it through to an address that has just opted out.
/// </summary>
internal static class ConsentConfirmations
{
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
            ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { [ConsentConfirmation.Marker] = true }, ConsentJsonContext.Default.DictionaryStringBoolean),
        };
    }
}
