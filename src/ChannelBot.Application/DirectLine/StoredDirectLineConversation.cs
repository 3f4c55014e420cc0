namespace ChannelBot.Application.DirectLine;

/// <summary>A Direct Line conversation as stored: whose it is, when it was last used, and its log's high-water mark.</summary>
public sealed record StoredDirectLineConversation(
    string Id,
    string UserId,
    string? UserName,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActiveAt,
    long NextSequence,
    bool Started);
