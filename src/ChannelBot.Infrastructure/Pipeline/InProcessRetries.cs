using Polly;
using Polly.Retry;

namespace ChannelBot.Infrastructure.Pipeline;

/// <summary>
/// The retries that happen inside one process, without a stored next-attempt time (those use
/// <see cref="Application.Scheduling.RetrySchedule"/>): Polly pipelines on the app's <see cref="TimeProvider"/>.
/// </summary>
internal static class InProcessRetries
{
    /// <summary>The first pause after a failure; it doubles, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Tries again until the work succeeds or the token ends, for work that must not be dropped (writing send
    /// outcomes: a dropped one would make the sweeper send the message again). <paramref name="failed"/> hears each
    /// failure with the number of the try that failed.
    /// </summary>
    public static ResiliencePipeline UntilDone(TimeProvider clock, Action<Exception, int> failed) =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                OnRetry = args =>
                {
                    failed(args.Outcome.Exception!, args.AttemptNumber + 1);
                    return default;
                },
            })
            .Build();
}
