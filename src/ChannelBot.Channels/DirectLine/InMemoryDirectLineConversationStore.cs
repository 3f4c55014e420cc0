using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Conversations in a dictionary, bounded twice: at most <see cref="DirectLineOptions.MaxConversations"/> at once,
/// and each dropped after <see cref="DirectLineOptions.ConversationIdleTimeout"/> without activity (the janitor sweeps).
/// </summary>
public sealed class InMemoryDirectLineConversationStore(IOptions<DirectLineOptions> options) : IDirectLineConversationStore
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options = options.Value;

    public int Count => _conversations.Count;

    public DirectLineConversation? Create(string userId, string? userName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (_conversations.Count >= _options.MaxConversations)
        {
            return null;
        }

        while (true)
        {
            var conversation = new DirectLineConversation(RandomNumberGenerator.GetString(IdAlphabet, 22), userId, userName, now, new DirectLineRateBucket(_options.PostBurst, _options.PostsPerMinute, now));
            if (_conversations.TryAdd(conversation.Id, conversation))
            {
                return conversation;
            }
        }
    }

    public DirectLineConversation? Find(string conversationId) =>
        conversationId is not null && _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    public int DropIdle(DateTimeOffset idleBefore)
    {
        var dropped = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastActivity < idleBefore && _conversations.TryRemove(id, out _))
            {
                conversation.Drop();
                dropped++;
            }
        }

        return dropped;
    }
}
