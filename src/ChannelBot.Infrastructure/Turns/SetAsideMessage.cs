namespace ChannelBot.Infrastructure.Turns;

/// <summary>An inbound message the bot could not process, set aside for staff (its text cut to 500 characters).</summary>
public sealed record SetAsideMessage(
    long Id,
    string ChannelId,
    string ConversationKey,
    DateTimeOffset ReceivedAt,
    DateTimeOffset SetAsideAt,
    int Attempts,
    int Overruns,
    string? LastError,
    string? Text,
    int Attachments);
