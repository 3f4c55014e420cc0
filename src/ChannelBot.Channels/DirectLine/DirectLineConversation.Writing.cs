using System.Globalization;
using ChannelBot.Application.DirectLine;
using ChannelBot.Schema;

namespace ChannelBot.Channels.DirectLine;

/// <summary>Writing to the log: sequence numbers reserved in blocks, a resident's activity completed or abandoned, and the bot's replies appended once per outbox row.</summary>
public sealed partial class DirectLineConversation
{
    /// <summary>Takes the next slot for an activity whose fate is not known yet; its id is <see cref="IdOf"/>.</summary>
    public async Task<long> ReserveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTakeReserved(out var sequence))
            {
                return sequence;
            }

            await _reserving.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                long through;
                lock (_gate)
                {
                    through = _next < _reserved ? -1 : _next + SequenceBlock;
                }

                if (through > 0 && _shared is not null)
                {
                    await ReserveSharedBlockAsync(cancellationToken).ConfigureAwait(false);
                }
                else if (through > 0)
                {
                    await _store.ReserveThroughAsync(Id, through, cancellationToken).ConfigureAwait(false);
                    lock (_gate)
                    {
                        _reserved = Math.Max(_reserved, through);
                    }
                }
            }
            finally
            {
                _reserving.Release();
            }
        }
    }

    /// <summary>
    /// Settles a reserved slot: the activity (already stamped) becomes visible — stored first — or hidden from
    /// clients. Once the inbox has the activity its echo must appear, so a store failure still makes it visible here
    /// (only a replay after a restart would miss it); the answer is false then.
    /// </summary>
    public async Task<bool> CompleteAsync(long sequence, Activity activity, bool visible, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_shared is not null)
        {
            return await CompleteSharedAsync(sequence, activity, visible, now).ConfigureAwait(false);
        }

        var stored = true;
        long bytes = 0;
        if (visible)
        {
            var json = ActivityJson.Serialize(activity);
            bytes = json.Length;
            try
            {
                await _store.AppendAsync(Id, new StoredDirectLineActivity(sequence, json, now), CancellationToken.None).ConfigureAwait(false);
                RaiseTo(ref _storedActivityTicks, now.UtcTicks);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                stored = false;
            }
        }

        Settle(sequence, activity, visible ? DirectLineEntryState.Visible : DirectLineEntryState.Hidden, bytes);
        Touch(now);
        return stored;
    }

    /// <summary>Settles a reserved slot whose activity was refused: it is skipped.</summary>
    public void Abandon(long sequence) => Settle(sequence, null, DirectLineEntryState.Abandoned);

    /// <summary>
    /// Appends a bot activity with its id and timestamp stamped here, stored before clients see it. The same outbox
    /// row appended twice (a resend after a crash or a timeout) keeps its first slot and id.
    /// </summary>
    public async Task<string> AppendBotAsync(Activity activity, long outboxId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (_outboxIds.TryGetValue(outboxId, out var known))
            {
                return known;
            }
        }

        if (_shared is not null)
        {
            return await AppendBotSharedAsync(activity, outboxId, now, cancellationToken).ConfigureAwait(false);
        }

        var sequence = await ReserveAsync(cancellationToken).ConfigureAwait(false);
        long storedAs;
        long bytes;
        try
        {
            activity.Id = IdOf(sequence);
            activity.Timestamp = now;
            lock (_gate)
            {
                if (activity.ReplyToId is { } replyTo && !IsDeliveredId(replyTo))
                {
                    // A reply to something the client never sees (the join) would make Web Chat hold it for 5 s.
                    activity.ReplyToId = null;
                }
            }

            var json = ActivityJson.Serialize(activity);
            bytes = json.Length;
            storedAs = await _store.AppendAsync(Id, new StoredDirectLineActivity(sequence, json, now, outboxId), CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            Abandon(sequence);
            throw;
        }

        RaiseTo(ref _storedActivityTicks, now.UtcTicks);
        var id = IdOf(storedAs);
        lock (_gate)
        {
            _outboxIds[outboxId] = id;
        }

        if (storedAs == sequence)
        {
            Settle(sequence, activity, DirectLineEntryState.Visible, bytes);
        }
        else
        {
            Abandon(sequence);
        }

        Touch(now);
        return id;
    }

    private bool TryTakeReserved(out long sequence)
    {
        lock (_gate)
        {
            if (_next < _reserved)
            {
                sequence = _next++;
                _tail.Add(new DirectLineLogEntry(sequence, DirectLineEntryState.Pending));
                return true;
            }
        }

        sequence = -1;
        return false;
    }
}
