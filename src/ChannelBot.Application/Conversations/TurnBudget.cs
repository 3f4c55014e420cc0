using ChannelBot.Dialogs.Runtime;

namespace ChannelBot.Application.Conversations;

/// <summary>
/// The most wall-clock time one engine step of a turn may take. The engine is pure computation over what a
/// resident sent, so this is the safety net behind the bounded recognizers: a step still running when the budget
/// is spent is abandoned (it finishes on its own thread and its result is dropped) and the turn fails with
/// <see cref="TurnBudgetExceededException"/>, so the worker can go on with everyone else's messages.
/// Measured on the real clock, never the app's <see cref="TimeProvider"/>: a test that moves its fake clock must
/// not make a turn late.
/// </summary>
public sealed record TurnBudget(TimeSpan Limit)
{
    /// <summary>No budget: steps run inline (the transcript runner, benchmarks of the engine itself).</summary>
    public static TurnBudget None { get; } = new(Timeout.InfiniteTimeSpan);

    public async ValueTask<TurnResult> RunAsync(Func<TurnResult> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (Limit == Timeout.InfiniteTimeSpan)
        {
            return step();
        }

        var running = Task.Run(step, CancellationToken.None);
        try
        {
            return await running.WaitAsync(Limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _ = running.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new TurnBudgetExceededException(Limit);
        }
    }
}
