using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// One turn of one conversation: runs the engine on the inbound activity, carries out the effects it asks for
/// through the case gateway, and collects every reply. Pure apart from the gateway; persistence is the caller's.
/// </summary>
public static class ConversationTurn
{
    public static Task<ConversationTurnResult> RunAsync(
        DialogEngine engine,
        ConversationState state,
        Activity inbound,
        ICaseGateway cases,
        CancellationToken cancellationToken) =>
        RunAsync(engine, state, inbound, cases, TurnBudget.None, cancellationToken);

    /// <param name="budget">The most time each engine step may take (<see cref="TurnBudgetExceededException"/> after).</param>
    public static async Task<ConversationTurnResult> RunAsync(
        DialogEngine engine,
        ConversationState state,
        Activity inbound,
        ICaseGateway cases,
        TurnBudget budget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(budget);
        var result = await budget.RunAsync(() => engine.OnActivity(state, inbound), cancellationToken).ConfigureAwait(false);
        var replies = new List<Activity>(result.Replies);
        CaseReceipt? created = null;
        var guard = 0;
        while (result.Effect is { } effect)
        {
            if (++guard > 4)
            {
                throw new InvalidOperationException("The dialog engine asked for more effects than one turn allows.");
            }

            switch (effect)
            {
                case SubmitCase submit:
                    created = await cases.SubmitAsync(submit.Submission, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseSubmitted(result.State, inbound, created);
                    break;
                case LookUpCase lookUp:
                    var found = await cases.LookUpAsync(lookUp.Ticket, inbound.ChannelId ?? string.Empty, inbound.From?.Id, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseLookedUp(result.State, inbound, found);
                    break;
                case FindNearbyCases nearby:
                    var near = await cases.FindNearbyAsync(nearby, cancellationToken).ConfigureAwait(false);
                    result = engine.OnNearbyCasesFound(result.State, inbound, near);
                    break;
                case ReopenCase reopen:
                    var reopening = await cases.ReopenAsync(reopen.Ticket, reopen.Note, inbound.ChannelId ?? string.Empty, inbound.From?.Id, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseReopened(result.State, inbound, reopening);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown dialog effect {effect.GetType().Name}.");
            }

            replies.AddRange(result.Replies);
        }

        return new ConversationTurnResult(result.State, replies, created);
    }
}
