namespace ChannelBot.Application.Conversations;

/// <summary>An engine step ran longer than its <see cref="TurnBudget"/>; the turn was abandoned.</summary>
public sealed class TurnBudgetExceededException(TimeSpan limit)
    : Exception($"The dialog engine ran longer than the turn budget of {limit.TotalMilliseconds:0} ms.")
{
    public TimeSpan Limit { get; } = limit;
}
