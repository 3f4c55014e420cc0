namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Where Direct Line conversations and their logs are kept. The one implementation is in memory
/// (<see cref="InMemoryDirectLineConversationStore"/>): a restart ends every web conversation (clients get 404 and
/// start a new one); the resident's activities themselves are durable in the inbox.
/// </summary>
public interface IDirectLineConversationStore
{
    /// <summary>A new conversation for the user, or null when the store is full.</summary>
    DirectLineConversation? Create(string userId, string? userName, DateTimeOffset now);

    /// <summary>The conversation, or null when it never existed or was dropped.</summary>
    DirectLineConversation? Find(string conversationId);

    /// <summary>Drops conversations idle since before <paramref name="idleBefore"/>; returns how many.</summary>
    int DropIdle(DateTimeOffset idleBefore);

    int Count { get; }
}
