namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// The messages of a case's conversation (<see cref="CaseReader.ConversationAsync"/>), oldest first: at most the
/// latest <c>limit</c> of them; <paramref name="Truncated"/> says older ones were left out.
/// </summary>
/// <param name="Removed">The case's personal data was removed after the retention period: its conversation is gone with it.</param>
public sealed record CaseConversation(IReadOnlyList<CaseConversationMessage> Messages, bool Truncated, bool Removed = false);
