using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>What a turn produced: the state to save, the replies to put in the outbox, and the case it filed, if any.</summary>
/// <param name="PendingWrite">
/// The effect that writes a case, when the turn stopped before it (<see cref="ConversationTurn.RunUntilWriteAsync"/>);
/// null for a finished turn. <see cref="State"/> and <see cref="Replies"/> are then those of the turn so far.
/// </param>
/// <param name="Effects">How many effects the turn has carried out (bounded per turn).</param>
public sealed record ConversationTurnResult(
    ConversationState State,
    IReadOnlyList<Activity> Replies,
    CaseReceipt? CreatedCase,
    DialogEffect? PendingWrite = null,
    int Effects = 0)
{
    /// <summary>True when the turn waits for <see cref="ConversationTurn.ApplyWriteAsync"/>.</summary>
    public bool IsWaitingForWrite => PendingWrite is not null;
}
