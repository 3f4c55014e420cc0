using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Schema;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// One turn of one conversation: runs the engine once on the inbound activity, carries out the effects it asks for
/// through the case gateway, and collects every reply. Pure apart from the gateway; persistence is the caller's.
/// The turn runs in two parts: <see cref="RunUntilWriteAsync"/> before the write transaction (the engine and any
/// look-ups), then <see cref="ApplyWriteAsync"/> inside it when the turn stopped at an effect that writes a case. The
/// engine is never run a second time for the same activity.
/// </summary>
public static class ConversationTurn
{
    /// <summary>The most effects one turn may ask for, counted over both parts.</summary>
    private const int MaxEffects = 4;

    /// <summary>
    /// Runs the engine and the effects that only read; stops at the first effect that writes a case, which the
    /// result carries in <see cref="ConversationTurnResult.PendingWrite"/> for <see cref="ApplyWriteAsync"/>.
    /// </summary>
    public static async Task<ConversationTurnResult> RunUntilWriteAsync(
        DialogEngine engine,
        ConversationState state,
        Activity inbound,
        ICaseGateway cases,
        TurnBudget budget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(budget);
        TurnResult result;
        using (TurnTracing.StartEngineRun(inbound))
        {
            result = await budget.RunAsync(() => engine.OnActivity(state, inbound), cancellationToken).ConfigureAwait(false);
        }

        var first = new ConversationTurnResult(result.State, [.. result.Replies], null, result.Effect, Effects: 0);
        return await DriveAsync(engine, inbound, first, cases, stopAtWrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries out the write a turn stopped at, and whatever the engine asks for after it.</summary>
    public static Task<ConversationTurnResult> ApplyWriteAsync(
        DialogEngine engine,
        Activity inbound,
        ConversationTurnResult stopped,
        ICaseGateway cases,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        if (stopped.PendingWrite is null)
        {
            return Task.FromResult(stopped);
        }

        return DriveAsync(engine, inbound, stopped, cases, stopAtWrite: false, cancellationToken);
    }

    private static async Task<ConversationTurnResult> DriveAsync(
        DialogEngine engine,
        Activity inbound,
        ConversationTurnResult turn,
        ICaseGateway cases,
        bool stopAtWrite,
        CancellationToken cancellationToken)
    {
        var replies = new List<Activity>(turn.Replies);
        var state = turn.State;
        var created = turn.CreatedCase;
        var effects = turn.Effects;
        var next = turn.PendingWrite;
        while (next is { } effect)
        {
            if (stopAtWrite && effect.WritesCase)
            {
                return new ConversationTurnResult(state, replies, created, effect, effects);
            }

            if (++effects > MaxEffects)
            {
                throw new InvalidOperationException("The dialog engine asked for more effects than one turn allows.");
            }

            TurnResult result;
            switch (effect)
            {
                case SubmitCase submit:
                    created = await cases.SubmitAsync(submit.Submission, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseSubmitted(state, inbound, created);
                    break;
                case LookUpCase lookUp:
                    var found = await cases.LookUpAsync(lookUp.Ticket, inbound.ChannelId ?? string.Empty, inbound.From?.Id, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseLookedUp(state, inbound, found);
                    break;
                case FindNearbyCases nearby:
                    var near = await cases.FindNearbyAsync(nearby, cancellationToken).ConfigureAwait(false);
                    result = engine.OnNearbyCasesFound(state, inbound, near);
                    break;
                case ReopenCase reopen:
                    var reopening = await cases.ReopenAsync(reopen.Ticket, reopen.Note, inbound.ChannelId ?? string.Empty, inbound.From?.Id, cancellationToken).ConfigureAwait(false);
                    result = engine.OnCaseReopened(state, inbound, reopening);
                    break;
                case JoinHandoffQueue join:
                    await cases.JoinHandoffQueueAsync(inbound, join, cancellationToken).ConfigureAwait(false);
                    result = new TurnResult([], state, null);
                    break;
                case LeaveHandoffQueue:
                    await cases.LeaveHandoffQueueAsync(inbound, cancellationToken).ConfigureAwait(false);
                    result = new TurnResult([], state, null);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown dialog effect {effect.GetType().Name}.");
            }

            replies.AddRange(result.Replies);
            state = result.State;
            next = result.Effect;
        }

        return new ConversationTurnResult(state, replies, created, null, effects);
    }
}
