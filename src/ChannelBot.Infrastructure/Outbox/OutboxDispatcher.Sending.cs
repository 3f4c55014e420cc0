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

/// <summary>Sending one row: the channel's sender, and what its answer means for the row (sent, retried later, failed).</summary>
internal sealed partial class OutboxDispatcher
{
    private async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var retryIn = (TimeSpan?)null;
        try
        {
            var result = await TrySendAsync(item, _sendsAbandoned.Token).ConfigureAwait(false);
            retryIn = Record(item, result);
        }
        catch (OperationCanceledException) when (_sendsAbandoned.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            _slots.Release();
        }

        if (retryIn is null)
        {
            _queue.Complete(item.ConversationKey);
            return;
        }

        try
        {
            await Task.Delay(retryIn.Value, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _queue.Release(item.ConversationKey);
    }

    private async Task<SendResult> TrySendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var sender = _senders.For(item.ChannelId);
        if (sender is null)
        {
            return SendResult.Failed($"No sender is configured for channel '{item.ChannelId}'.");
        }

        try
        {
            var activity = item.TakeActivity();
            return await sender.SendAsync(new OutboundMessage(item.Id, item.ChannelId, item.ConversationKey, activity, item.Attempts) { MayHaveBeenSent = item.OutcomeUnknown }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogSenderThrew(exception, item.ChannelId, item.Id);
            return SendResult.Retry(exception.GetType().Name + ": " + exception.Message);
        }
    }

    /// <returns>The delay before the next try, or null when the row is finished (sent or failed).</returns>
    private TimeSpan? Record(OutboxItem item, SendResult result)
    {
        var now = _clock.GetUtcNow();
        if (result.Throttled)
        {
            // "Slow down" is not a failed try: it never uses up the message's tries, whatever the burst.
            var wait = result.RetryAfter ?? SendResult.DefaultThrottleDelay;
            _completions.Add(new OutboxCompletion(item.Id, OutboxStatus.Pending, item.Attempts, now, now + wait, Error: result.Error));
            return wait;
        }

        item.Attempts++;
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                _completions.Add(new OutboxCompletion(item.Id, OutboxStatus.Sent, item.Attempts, now, ProviderMessageId: result.ProviderMessageId));
                return null;
            case SendOutcome.RetryLater when item.Attempts < _options.MaxAttempts:
                var delay = result.RetryAfter ?? _retries.DelayAfter(item.Attempts);
                LogRetrying(item.ChannelId, item.Id, item.Attempts, delay, result.Error);
                _completions.Add(new OutboxCompletion(item.Id, OutboxStatus.Pending, item.Attempts, now, now + delay, Error: result.Error));
                return delay;
            default:
                LogGaveUp(item.ChannelId, item.Id, item.Attempts, result.Error);
                _completions.Add(new OutboxCompletion(item.Id, OutboxStatus.Failed, item.Attempts, now, Error: result.Error));
                return null;
        }
    }
}
