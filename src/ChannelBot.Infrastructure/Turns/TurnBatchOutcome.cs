using ChannelBot.Application.Conversations;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// What a batch did: the turns it committed, their replies, the turns that ran over their budget (not committed), and
/// those not run because an earlier activity of their conversation waits at another instance.
/// </summary>
internal sealed record TurnBatchOutcome(
    IReadOnlyList<InboundWork> Committed,
    Outgoing Replies,
    IReadOnlyList<(InboundWork Work, TurnBudgetExceededException Exception)> OverBudget,
    IReadOnlyList<InboundWork> WaitingForEarlier);
