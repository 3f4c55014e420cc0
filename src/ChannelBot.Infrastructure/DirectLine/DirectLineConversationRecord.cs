namespace ChannelBot.Infrastructure.DirectLine;

/// <summary>A Direct Line (web chat) conversation: table <c>DirectLineConversations</c>.</summary>
public sealed class DirectLineConversationRecord
{
    public const int MaxIdLength = 64;

    public required string Id { get; set; }

    /// <summary>The resident's user id, bound into every token of the conversation.</summary>
    public required string UserId { get; set; }

    public string? UserName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last post, reply, start or read (reads are written by the janitor's sweep); the sweep deletes by it.</summary>
    public DateTimeOffset LastActiveAt { get; set; }

    /// <summary>The log's high-water mark: every sequence below it may have been handed out and is never reused.</summary>
    public long NextSequence { get; set; }

    /// <summary>A client started the conversation (the bot was told the resident joined).</summary>
    public bool Started { get; set; }

    /// <summary>Files uploaded to the conversation so far (its quota).</summary>
    public int UploadCount { get; set; }

    /// <summary>Bytes uploaded to the conversation so far (its quota).</summary>
    public long UploadBytes { get; set; }
}
