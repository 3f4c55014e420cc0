using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Dialogs.Runtime;

/// <summary>
/// What one engine call produced: the replies to send, the state to save, and at most one effect the caller
/// must carry out (and report back through <see cref="DialogEngine"/>) within the same transaction.
/// </summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, ConversationState State, DialogEffect? Effect);
