using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>What a turn produced: the state to save, the replies to put in the outbox, and the case it filed, if any.</summary>
public sealed record ConversationTurnResult(ConversationState State, IReadOnlyList<Activity> Replies, CaseReceipt? CreatedCase);
