namespace ChannelBot.Application.DirectLine;

/// <summary>A stored conversation and the last activities of its log, oldest first.</summary>
public sealed record StoredDirectLineConversationWithTail(StoredDirectLineConversation Conversation, IReadOnlyList<StoredDirectLineActivity> Tail);
