using ChannelBot.Application.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// The log shared by several instances (<see cref="IDirectLineSharedLog"/>, PostgreSQL). Ids come from blocks reserved
/// atomically in the store, so no two instances hand out one; the watermark is the position the store gives each append
/// in commit order, so every instance reads the same log by it. This process still orders its own appends by its slots:
/// an activity is appended only after every earlier slot here settled, so a post's echo comes before the replies to it,
/// and many posts at once appear in the order of their ids.
/// </summary>
public sealed partial class DirectLineConversation
{
    /// <summary>Under <c>_reserving</c>: takes the next block of ids from the store, skipping what other instances took.</summary>
    private async Task ReserveSharedBlockAsync(CancellationToken cancellationToken)
    {
        var end = await _shared!.ReserveAsync(Id, SequenceBlock, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (end - SequenceBlock > _next)
            {
                _next = end - SequenceBlock;
                AdvanceVisible();
            }

            _reserved = Math.Max(_reserved, end);
        }
    }

    private async Task<bool> CompleteSharedAsync(long sequence, Activity activity, bool visible, DateTimeOffset now)
    {
        var stored = true;
        if (visible)
        {
            await AfterEarlierSlotsAsync(sequence).ConfigureAwait(false);
            try
            {
                await _shared!.AppendAsync(Id, activity.Id ?? IdOf(sequence), new StoredDirectLineActivity(0, ActivityJson.Serialize(activity), now), CancellationToken.None).ConfigureAwait(false);
                RaiseTo(ref _storedActivityTicks, now.UtcTicks);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Unlike one instance's memory, the shared log has nothing else to show: the echo is lost (the reply is not).
                stored = false;
            }
        }

        Settle(sequence, activity: null, visible ? DirectLineEntryState.Visible : DirectLineEntryState.Hidden);
        Touch(now);
        return stored;
    }

    private async Task<string> AppendBotSharedAsync(Activity activity, long outboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sequence = await ReserveAsync(cancellationToken).ConfigureAwait(false);
        SharedLogAppend appended;
        try
        {
            activity.Id = IdOf(sequence);
            activity.Timestamp = now;
            lock (_gate)
            {
                if (activity.ReplyToId is { } replyTo && !IsDeliveredId(replyTo))
                {
                    // The join (never delivered), or a post this instance did not see: no reply link Web Chat would wait on.
                    activity.ReplyToId = null;
                }
            }

            await AfterEarlierSlotsAsync(sequence).ConfigureAwait(false);
            appended = await _shared!.AppendAsync(Id, activity.Id, new StoredDirectLineActivity(0, ActivityJson.Serialize(activity), now, outboxId), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            Abandon(sequence);
            throw;
        }

        RaiseTo(ref _storedActivityTicks, now.UtcTicks);
        lock (_gate)
        {
            _outboxIds[outboxId] = appended.ActivityId;
        }

        if (string.Equals(appended.ActivityId, activity.Id, StringComparison.Ordinal))
        {
            Settle(sequence, activity: null, DirectLineEntryState.Visible);
        }
        else
        {
            Abandon(sequence);
        }

        Touch(now);
        return appended.ActivityId;
    }

    /// <summary>The activities at positions from <paramref name="watermark"/> on (one page), read from the store.</summary>
    private async Task<DirectLineRead> ReadSharedAsync(long watermark, int max, CancellationToken cancellationToken)
    {
        var rows = await _store.ReadAsync(Id, watermark, long.MaxValue, max == int.MaxValue ? max : max + 1, cancellationToken).ConfigureAwait(false);
        if (rows.Count <= max)
        {
            return new DirectLineRead([.. rows.Select(row => ActivityJson.Deserialize(row.ActivityJson))], rows.Count == 0 ? watermark : rows[^1].Sequence + 1);
        }

        return new DirectLineRead([.. rows.Take(max).Select(row => ActivityJson.Deserialize(row.ActivityJson))], rows[max].Sequence);
    }

    /// <summary>Waits until every slot of this process before <paramref name="sequence"/> (a pending one itself) has settled.</summary>
    private async Task AfterEarlierSlotsAsync(long sequence)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_visible >= sequence)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.ConfigureAwait(false);
        }
    }
}
