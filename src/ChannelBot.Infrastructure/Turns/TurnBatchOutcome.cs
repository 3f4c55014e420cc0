using ChannelBot.Application.Conversations;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>What a batch did: the turns it committed, their replies, and the turns that ran over their budget (not committed).</summary>
internal sealed record TurnBatchOutcome(
    IReadOnlyList<InboundWork> Committed,
    Outgoing Replies,
    IReadOnlyList<(InboundWork Work, TurnBudgetExceededException Exception)> OverBudget);
