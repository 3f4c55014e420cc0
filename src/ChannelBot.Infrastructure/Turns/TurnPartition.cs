using ChannelBot.Application.Conversations;
using ChannelBot.Application.Logging;
using ChannelBot.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// One turn worker: takes batches of its partition's conversations and runs them (<see cref="TurnBatchRunner"/>),
/// then hands the committed replies to the outbox. A batch that fails is run again one turn at a time, so one
/// broken conversation cannot hold up the others; a turn that fails is retried with a growing pause while its
/// conversation's later messages wait behind it, and one that failed <see cref="TurnOptions.MaxAttempts"/> times
/// or ran over its budget <see cref="TurnOptions.MaxOverruns"/> times is set aside (<see cref="TurnSetAside"/>).
/// Owns its conversation cache: no other partition ever sees these conversations.
/// </summary>
internal sealed partial class TurnPartition(
    int index,
    TurnScheduler scheduler,
    TurnBatchRunner runner,
    TurnSetAside setAside,
    OutboxDispatcher outbox,
    IOptions<TurnOptions> options,
    TimeProvider clock,
    ILogger<TurnPartition> logger)
{
    private const int MaxBatch = 64;

    /// <summary>How long an activity waits before looking again for its conversation's earlier one at another instance.</summary>
    private static readonly TimeSpan WaitForEarlier = TimeSpan.FromMilliseconds(100);

    private readonly TurnOptions _options = options.Value;
    private readonly Dictionary<long, (int Attempts, int Overruns)> _failures = [];
    private readonly ConversationCache _conversations = new();
    private readonly object _gate = new();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var batch = await scheduler.TakeAsync(index, MaxBatch, stoppingToken).ConfigureAwait(false);
            var work = new List<InboundWork>(batch.Count);
            foreach (var (_, item) in batch)
            {
                if (IsSpent(item.PreviousAttempts, item.PreviousOverruns))
                {
                    // Recovered after a restart with its tries already spent: never run it again.
                    await SetAsideAsync(item, item.PreviousAttempts, item.PreviousOverruns, "Set aside after a restart: its tries were spent.", stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    work.Add(item);
                }
            }

            if (work.Count > 0)
            {
                await RunBatchAsync(work, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunBatchAsync(List<InboundWork> work, CancellationToken stoppingToken)
    {
        try
        {
            await FinishAsync(await RunAsync(work, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            if (work.Count == 1)
            {
                await FailAsync(work[0], exception, stoppingToken).ConfigureAwait(false);
                return;
            }

            LogBatchFailed(exception, work.Count);
            foreach (var single in work)
            {
                try
                {
                    await FinishAsync(await RunAsync([single], stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception alone) when (!stoppingToken.IsCancellationRequested)
                {
                    await FailAsync(single, alone, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<TurnBatchOutcome> RunAsync(List<InboundWork> work, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(work, _conversations, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Someone else changed one of these conversations (a staff status change asking "Is it fixed?",
            // another instance) after it was cached: nothing was written; read them again and run the batch
            // once more at once. That is no failure of the turn, so it costs no attempt.
            Forget(work);
            LogConflict(exception, work.Count);
        }
        catch
        {
            Forget(work);
            throw;
        }

        try
        {
            return await runner.RunAsync(work, _conversations, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Forget(work);
            throw;
        }
    }

    private void Forget(List<InboundWork> work)
    {
        foreach (var item in work)
        {
            _conversations.Remove(item.ConversationKey);
        }
    }

    private async Task FinishAsync(TurnBatchOutcome outcome, CancellationToken cancellationToken)
    {
        foreach (var item in outcome.Committed)
        {
            lock (_gate)
            {
                _failures.Remove(item.Id);
            }

            scheduler.Done(item);
        }

        outbox.Dispatch(outcome.Replies.Rows, outcome.Replies.Activities);
        foreach (var item in outcome.WaitingForEarlier)
        {
            // Not a failure (it costs no attempt): its conversation's earlier activity is another instance's turn, or
            // was taken over from one and queued behind this one. It gives up its place and queues again.
            scheduler.Done(item);
            _ = ScheduleLaterAsync(item, cancellationToken);
        }

        foreach (var (item, exception) in outcome.OverBudget)
        {
            await FailAsync(item, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FailAsync(InboundWork work, Exception exception, CancellationToken cancellationToken)
    {
        var overrun = exception is TurnBudgetExceededException;
        int attempts, overruns;
        lock (_gate)
        {
            (attempts, overruns) = _failures.GetValueOrDefault(work.Id, (work.PreviousAttempts, work.PreviousOverruns));
            (attempts, overruns) = overrun ? (attempts, overruns + 1) : (attempts + 1, overruns);
            _failures[work.Id] = (attempts, overruns);
        }

        var error = exception.GetType().Name + ": " + exception.Message;
        if (overrun)
        {
            LogOverrun(LogMask.ConversationKey(work.ConversationKey), overruns);
        }
        else
        {
            LogTurnFailed(exception, LogMask.ConversationKey(work.ConversationKey), attempts);
        }

        if (IsSpent(attempts, overruns))
        {
            await SetAsideAsync(work, attempts, overruns, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await setAside.RecordFailureAsync(work, attempts, overruns, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception recordFailure) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailureNotRecorded(recordFailure);
        }

        // The conversation stays held (its later activities wait behind this one) while the others go on.
        var tries = attempts + overruns;
        _ = RetryLaterAsync(work, TimeSpan.FromMilliseconds(200 * tries * tries), cancellationToken);
    }

    private async Task SetAsideAsync(InboundWork work, int attempts, int overruns, string error, CancellationToken cancellationToken)
    {
        try
        {
            var apology = await setAside.SetAsideAsync(work, attempts, overruns, error, cancellationToken).ConfigureAwait(false);
            LogSetAside(LogMask.ConversationKey(work.ConversationKey), work.Id, attempts, overruns);
            lock (_gate)
            {
                _failures.Remove(work.Id);
            }

            scheduler.Done(work);
            outbox.Dispatch(apology.Rows, apology.Activities);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailureNotRecorded(exception);
            _ = RetryLaterAsync(work, TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private bool IsSpent(int attempts, int overruns) => attempts >= _options.MaxAttempts || overruns >= _options.MaxOverruns;

    private async Task ScheduleLaterAsync(InboundWork work, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(WaitForEarlier, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        scheduler.Schedule(work);
    }

    private async Task RetryLaterAsync(InboundWork work, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        scheduler.TryAgain(work);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "A batch of {Count} turns failed; running them one at a time.")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "A turn of {ConversationKey} failed (attempt {Attempts}).")]
    private partial void LogTurnFailed(Exception exception, string conversationKey, int attempts);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "A turn failure could not be recorded.")]
    private partial void LogFailureNotRecorded(Exception exception);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "A batch of {Count} turns met a conversation changed elsewhere; running it again from the stored state.")]
    private partial void LogConflict(Exception exception, int count);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "A turn of {ConversationKey} ran over its time budget (overrun {Overruns}).")]
    private partial void LogOverrun(string conversationKey, int overruns);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Inbound activity {Id} of {ConversationKey} was set aside for staff after {Attempts} failures and {Overruns} overruns.")]
    private partial void LogSetAside(string conversationKey, long id, int attempts, int overruns);
}
