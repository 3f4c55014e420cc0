using System.Collections.Concurrent;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Scheduling;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Outbox;

/// <summary>
/// Sends outbox rows through their channel's sender: many conversations at once, one conversation in order.
/// A transient failure is retried with exponential back-off and jitter (the conversation's later messages wait
/// behind it); a permanent one is recorded and the next message goes. Rows committed but never handed over
/// (a crash between commit and send) are found by a sweep of the database at start and every
/// <see cref="OutboxOptions.SweepInterval"/>. Only rows this instance owns are sent (<see cref="WorkOwnership"/>): those
/// it wrote, and those it took over from an instance that stopped or died.
/// </summary>
internal sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly KeyedWorkQueue<OutboxItem> _queue = new();
    private readonly HashSet<long> _known = [];

    // Rows finished since the sweep's current query began: the query may have read them while still pending, and
    // handing them over again would send them twice (measured: 28 doubles in a 10,000-message drain).
    private readonly HashSet<long> _finishedDuringSweep = [];

    // Rows the sweep handed over before their writer did (the writer is between its commit and its hand-over): once
    // finished they are remembered for a while, so the writer's late hand-over cannot send them a second time.
    private readonly HashSet<long> _swept = [];
    private readonly Dictionary<long, DateTimeOffset> _sweptAndFinished = [];

    // Rows taken over from an instance that is gone: it may have sent them before it went (the provider is asked first).
    private readonly HashSet<long> _takenOver = [];
    private readonly object _gate = new();

    // Sends on their way, so that stopping can let them finish; cancelled only once they had their time.
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly CancellationTokenSource _sendsAbandoned = new();
    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly WorkOwnership _ownership;
    private readonly ChannelSenderRegistry _senders;
    private readonly OutboxCompletionWriter _completions;
    private readonly OutboxOptions _options;
    private readonly RetrySchedule _retries;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly SemaphoreSlim _slots;

    public OutboxDispatcher(
        IDbContextFactory<ChannelBotDbContext> databases,
        WorkOwnership ownership,
        ChannelSenderRegistry senders,
        OutboxCompletionWriter completions,
        IOptions<OutboxOptions> options,
        TimeProvider clock,
        ILogger<OutboxDispatcher> logger)
    {
        _databases = databases;
        _ownership = ownership;
        _senders = senders;
        _completions = completions;
        _options = options.Value;
        _retries = _options.Retries;
        _clock = clock;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentSends));
        _completions.Written += Forget;
    }

    /// <summary>Hands committed outbox rows over for sending.</summary>
    public void Dispatch(IEnumerable<OutboxMessageRecord> rows)
    {
        foreach (var row in rows)
        {
            Dispatch(new OutboxItem(row.Id, row.ChannelId, row.ConversationKey, row.ActivityJson, row.Attempts));
        }
    }

    /// <summary>Hands committed outbox rows over for sending, with the activities they were serialized from (same order).</summary>
    internal void Dispatch(IReadOnlyList<OutboxMessageRecord> rows, IReadOnlyList<Activity> activities)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Dispatch(new OutboxItem(row.Id, row.ChannelId, row.ConversationKey, row.ActivityJson, row.Attempts, activities[i]));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepForeverAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var next = await _queue.TakeAsync(1, stoppingToken).ConfigureAwait(false);
                var item = next[0].Value;
                var sending = SendAsync(item, stoppingToken);
                _inFlight[item.Id] = sending;
                _ = sending.ContinueWith(done => _inFlight.TryRemove(new KeyValuePair<long, Task>(item.Id, done)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping (SIGTERM): no new send starts; those already talking to their provider may finish, for a
            // while, so their outcome is recorded (the completion writer stops after this) instead of lost — a send
            // cut off mid-call may have arrived, and the next instance would have to send it again.
            _sendsAbandoned.CancelAfter(InFlightDrainTimeout);
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
            await sweeping.ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _sendsAbandoned.Dispose();
        base.Dispose();
    }

    /// <summary>How long stopping waits for sends already talking to their provider.</summary>
    private static readonly TimeSpan InFlightDrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a row the sweep sent first is remembered against its writer's hand-over (which follows its commit at once).</summary>
    private static readonly TimeSpan LateHandOver = TimeSpan.FromMinutes(10);

    private void Dispatch(OutboxItem item, bool bySweep = false)
    {
        lock (_gate)
        {
            if (_sweptAndFinished.ContainsKey(item.Id) || !_known.Add(item.Id))
            {
                return;
            }

            if (bySweep)
            {
                _swept.Add(item.Id);
            }

            item.OutcomeUnknown = _takenOver.Remove(item.Id);
        }

        _queue.Enqueue(item.ConversationKey, item);
    }

    private void Forget(IReadOnlyList<long> ids)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var id in ids)
            {
                _known.Remove(id);
                _finishedDuringSweep.Add(id);
                if (_swept.Remove(id))
                {
                    _sweptAndFinished[id] = now;
                }
            }
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Warning, Message = "Sending outbox row {Id} on {ChannelId} failed (try {Attempts}); retrying in {Delay}: {Error}")]
    private partial void LogRetrying(string channelId, long id, int attempts, TimeSpan delay, string? error);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Outbox row {Id} on {ChannelId} was not sent after {Attempts} tries: {Error}")]
    private partial void LogGaveUp(string channelId, long id, int attempts, string? error);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "The sender of {ChannelId} threw while sending outbox row {Id}.")]
    private partial void LogSenderThrew(Exception exception, string channelId, long id);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Information, Message = "Took over {Count} outbox rows whose instance stopped or died; each is checked with its provider before it is sent.")]
    private partial void LogTookOver(int count);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Error, Message = "Sweeping the outbox failed.")]
    private partial void LogSweepFailed(Exception exception);
}
