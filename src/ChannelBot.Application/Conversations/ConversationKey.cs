namespace ChannelBot.Application.Conversations;

/// <summary>The key of a conversation's state: <c>{channelId}/conversations/{conversationId}</c>, as the Bot Framework SDK keys it.</summary>
public static class ConversationKey
{
    public static string For(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
