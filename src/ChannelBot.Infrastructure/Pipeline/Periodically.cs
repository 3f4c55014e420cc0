namespace ChannelBot.Infrastructure.Pipeline;

/// <summary>
/// A background chore done every so often until the host stops (a sweep, a heartbeat, a take-over): a round that fails
/// is reported and the next one comes as usual, so one bad moment of the database never ends the chore.
/// </summary>
internal static class Periodically
{
    /// <param name="atOnce">True: a first round now, then one every <paramref name="interval"/>; false: the first after one interval.</param>
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, bool atOnce, Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(failed);
        var wait = !atOnce;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (wait)
                {
                    await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(false);
                }

                wait = true;
                await round(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failed(exception);
            }
        }
    }
}
