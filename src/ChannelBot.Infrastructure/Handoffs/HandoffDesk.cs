using ChannelBot.Application.Conversations;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Runtime.Handoff;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>
/// Live handoff, staff's side: the line of residents waiting for (or talking with) an operator, their conversations,
/// and what an operator does — take one, reply on the resident's channel, hand back to the bot. Every state lives in
/// the database (the Handoffs rows, the conversation's turns), so any instance can serve any operator; handing back is
/// an event in the conversation's inbox, so the bot resumes in order with the resident's own messages.
/// </summary>
public sealed class HandoffDesk
{
    /// <summary>The most residents one list shows (oldest first).</summary>
    public const int MaxLine = 200;

    private readonly IDbContextFactory<ChannelBotDbContext> _databases;
    private readonly IDialogEngineSource _dialogs;
    private readonly OutboxDispatcher _outbox;
    private readonly IInboundActivitySink _inbox;
    private readonly TimeProvider _clock;

    internal HandoffDesk(IDbContextFactory<ChannelBotDbContext> databases, IDialogEngineSource dialogs, OutboxDispatcher outbox, IInboundActivitySink inbox, TimeProvider clock)
    {
        _databases = databases;
        _dialogs = dialogs;
        _outbox = outbox;
        _inbox = inbox;
        _clock = clock;
    }

    /// <summary>Everyone in line or with an operator now, longest waiting first.</summary>
    public async Task<IReadOnlyList<HandoffLine>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Open(db).OrderBy(h => h.RequestedAt).ThenBy(h => h.Id).Take(MaxLine).ToListAsync(cancellationToken).ConfigureAwait(false);
        var position = 0;
        return [.. rows.Select(h => Line(h, h.TakenBy is null ? ++position : 0))];
    }

    public async Task<HandoffLine?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(h => h.Id == id) is { } line)
        {
            return line;
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Handoffs.AsNoTracking().Where(h => h.Id == id).Select(h => new HandoffLine(h.Id, h.ChannelId, h.Language, h.Reason, h.RequestedAt, h.TakenBy, h.TakenAt, 0))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the place in line is over (the conversation is back with the bot).</summary>
    public async Task<bool> IsEndedAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Handoffs.AsNoTracking().AnyAsync(h => h.Id == id && h.EndedAt != null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest <paramref name="limit"/> messages of the conversation (both sides), oldest first.</summary>
    public async Task<IReadOnlyList<HandoffTranscriptMessage>?> TranscriptAsync(long id, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var key = await db.Handoffs.AsNoTracking().Where(h => h.Id == id).Select(h => h.ConversationKey).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        var chain = await ConversationChain.IdsAsync(db, key, limit, cancellationToken).ConfigureAwait(false);
        var received = await db.InboundActivities.AsNoTracking().Where(i => chain.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var written = await db.OutboxMessages.AsNoTracking()
            .Where(o => o.InboundId != null && chain.Contains(o.InboundId.Value) && o.ConversationKey == key)
            .OrderByDescending(o => o.Id)
            .Take(limit)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var messages = new List<HandoffTranscriptMessage>(received.Count + written.Count);
        foreach (var row in received)
        {
            var activity = ActivityJson.Deserialize(row.ActivityJson);
            if (activity.IsType(ActivityTypes.Message))
            {
                messages.Add(new HandoffTranscriptMessage($"in-{row.Id}", "resident", activity.Text, row.ReceivedAt, null, null, activity.Attachments?.Count ?? 0));
            }
        }

        foreach (var row in written)
        {
            var activity = ActivityJson.Deserialize(row.ActivityJson);
            if (!activity.IsType(ActivityTypes.Message))
            {
                continue;   // an operator's typing indicator
            }

            var author = HandoffMessages.OperatorOf(activity);
            messages.Add(new HandoffTranscriptMessage($"out-{row.Id}", author is null ? "bot" : "operator", activity.Text, row.CreatedAt, author, row.Status.ToString().ToLowerInvariant(), 0));
        }

        return [.. messages.OrderBy(m => m.At).ThenBy(m => m.Id.StartsWith("in-", StringComparison.Ordinal) ? 0 : 1).TakeLast(limit)];
    }

    /// <summary>The operator takes the resident (or takes over from a colleague); the resident is told who joined.</summary>
    public async Task<HandoffOutcome> TakeAsync(long id, string operatorName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Handoffs.FirstOrDefaultAsync(h => h.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || row.EndedAt is not null)
        {
            return row is null ? HandoffOutcome.NotFound : HandoffOutcome.Ended;
        }

        if (row.TakenBy == operatorName)
        {
            return HandoffOutcome.Done;
        }

        row.TakenBy = operatorName;
        row.TakenAt = now;
        var text = HandoffMessages.Text(_dialogs.Current.Definitions, row.ChannelId, row.Language, "handoff.joined", ("operator", HandoffMessages.PublicName(operatorName)));
        return await SendAsync(db, row, text, operatorName: null, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The operator's words to the resident, on the resident's channel (taking the resident if nobody had).</summary>
    public async Task<HandoffOutcome> ReplyAsync(long id, string operatorName, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Handoffs.FirstOrDefaultAsync(h => h.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || row.EndedAt is not null)
        {
            return row is null ? HandoffOutcome.NotFound : HandoffOutcome.Ended;
        }

        if (row.TakenBy is null)
        {
            row.TakenBy = operatorName;
            row.TakenAt = now;
        }

        return await SendAsync(db, row, text.Trim(), operatorName, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Shows the resident that the operator is typing, where the channel can (Messenger's <c>typing_on</c>, a web chat's
    /// typing activity; SMS and WhatsApp have no such thing and their sender drops it). The console sends it at most
    /// every few seconds while the operator writes.
    /// </summary>
    public async Task<HandoffOutcome> TypingAsync(long id, string operatorName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null || row.EndedAt is not null)
        {
            return row is null ? HandoffOutcome.NotFound : HandoffOutcome.Ended;
        }

        return await SendAsync(db, row, text: null, operatorName, now, cancellationToken, ActivityTypes.Typing).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands the resident back to the bot: the place in line ends now, and the conversation's inbox gets the event that
    /// makes the bot say so and ask the interrupted question again (one event per place in line, however often this is
    /// pressed).
    /// </summary>
    public async Task<HandoffOutcome> ReturnToBotAsync(long id, string operatorName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        var now = _clock.GetUtcNow();
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Handoffs.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return HandoffOutcome.NotFound;
        }

        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Key == row.ConversationKey, cancellationToken).ConfigureAwait(false);
        if (row.EndedAt is null && conversation?.ReferenceJson is { } json && ActivityJson.DeserializeReference(json) is { } reference)
        {
            // Pressed again (after a crash, or by a second operator): the inbox drops the second event by its id.
            await _inbox.AcceptAsync(
                new Activity
                {
                    Type = ActivityTypes.Event,
                    Name = HandoffEvents.Ended,
                    Id = $"handoff-ended-{row.Id}",
                    ChannelId = reference.ChannelId ?? row.ChannelId,
                    ServiceUrl = reference.ServiceUrl,
                    Conversation = reference.Conversation,
                    From = reference.User,
                    Recipient = reference.Bot,
                    Locale = reference.Locale,
                    Timestamp = now,
                },
                cancellationToken).ConfigureAwait(false);
        }

        // The event first, the row after: a crash between them leaves the row open and the bot back (its turn ends the
        // row as the resident's), never a resident the bot stays quiet to with nobody in the line.
        var ended = await db.Handoffs.Where(h => h.Id == id && h.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.EndedAt, now).SetProperty(h => h.EndedBy, operatorName), cancellationToken)
            .ConfigureAwait(false);
        // Open when this began: handed back now (the event's own turn may have closed the row first).
        return row.EndedAt is null || ended == 1 ? HandoffOutcome.Done : HandoffOutcome.Ended;
    }

    /// <summary>
    /// Changes whenever the line or a conversation in it changes (someone joins, leaves or is taken; a resident in it
    /// writes; a message is written to one): what the console's live stream watches.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Open(db)
            .OrderBy(h => h.Id)
            .Take(MaxLine)
            .Select(h => new
            {
                h.Id,
                h.TakenBy,
                Conversation = db.Conversations.Where(c => c.Key == h.ConversationKey).Select(c => new { c.Version, c.LastInboundId }).FirstOrDefault(),
            })
            .Select(r => new
            {
                r.Id,
                r.TakenBy,
                r.Conversation!.Version,
                // The operator's messages answer the resident's latest (indexed by InboundId): their count moves too.
                Written = db.OutboxMessages.Count(o => o.InboundId == r.Conversation.LastInboundId),
            })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return string.Join(";", rows.Select(r => $"{r.Id}:{r.TakenBy}:{r.Version}:{r.Written}"));
    }

    private async Task<HandoffOutcome> SendAsync(ChannelBotDbContext db, HandoffRecord row, string? text, string? operatorName, DateTimeOffset now, CancellationToken cancellationToken, string type = ActivityTypes.Message)
    {
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Key == row.ConversationKey, cancellationToken).ConfigureAwait(false);
        var message = conversation is null ? null : HandoffMessages.Row(conversation, text, operatorName, now, type);
        if (message is not null)
        {
            db.OutboxMessages.Add(message);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (message is not null)
        {
            _outbox.Dispatch([message]);
        }

        return HandoffOutcome.Done;
    }

    private static IQueryable<HandoffRecord> Open(ChannelBotDbContext db) => db.Handoffs.AsNoTracking().Where(h => h.EndedAt == null);

    private static HandoffLine Line(HandoffRecord h, int position) =>
        new(h.Id, h.ChannelId, h.Language, h.Reason, h.RequestedAt, h.TakenBy, h.TakenAt, position);
}
