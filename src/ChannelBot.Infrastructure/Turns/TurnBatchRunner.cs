using ChannelBot.Application.Conversations;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Dialogs.State;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Photos;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Runs one batch of turns (each of a different conversation) and commits them together. Two phases. Before the
/// write transaction: the conversations' last committed states (from the partition's cache, else one read), and
/// the engine once for every turn, within the <see cref="TurnBudget"/>, with the look-ups it asks for; a turn that
/// runs over is left out of the batch and reported, and a turn that files or reopens a case stops at that effect.
/// In the transaction (on SQLite the single write lock, taken through the gate): those effects (so the ticket number
/// comes from the counter row in this transaction) and what the engine answers to them, the cases (EF, the only
/// tracked entities), and set-based statements for the conversations (version-checked), the replies (outbox rows)
/// and the processed marks. Then the commit, and only then the cache.
/// </summary>
internal sealed class TurnBatchRunner(
    IDbContextFactory<ChannelBotDbContext> databases,
    IDialogEngineSource engines,
    CaseGatewayFactory cases,
    PhotoCollector photos,
    SqliteWriteGate writes,
    IOptions<TurnOptions> options,
    TimeProvider clock,
    InstanceIdentity instance,
    IOptions<StorageOptions> storage)
{
    private readonly TurnBudget _budget = new(options.Value.TimeBudget);

    // Only PostgreSQL is shared by several instances (SQLite serves one): only there can a conversation's earlier
    // activity be waiting at another instance.
    private readonly bool _shared = storage.Value.Provider == StorageProvider.Postgres;

    public async Task<TurnBatchOutcome> RunAsync(List<InboundWork> work, ConversationCache conversations, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var engine = engines.Current;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        List<InboundWork>? waiting = null;
        if (_shared)
        {
            var mustWait = await TurnOrderAcrossInstances.MustWaitAsync(db, work, cancellationToken).ConfigureAwait(false);
            if (mustWait.Count > 0)
            {
                waiting = [.. work.Where(w => mustWait.Contains(w.Id))];
                work = [.. work.Where(w => !mustWait.Contains(w.Id))];
            }
        }

        var stored = await LoadAsync(db, work, conversations, cancellationToken).ConfigureAwait(false);

        var turns = new List<Turn>(work.Count);
        List<(InboundWork, TurnBudgetExceededException)>? late = null;
        var reads = cases.Create(db);
        foreach (var item in work)
        {
            var before = stored.GetValueOrDefault(item.ConversationKey);
            ConversationTurnResult result;
            try
            {
                var state = before?.State ?? DialogStateJson.Deserialize(before?.StateJson);
                result = await ConversationTurn.RunUntilWriteAsync(engine, state, item.Activity, reads, _budget, cancellationToken).ConfigureAwait(false);
            }
            catch (TurnBudgetExceededException exception)
            {
                // Still running on its own thread, on the cached state object: that entry is no longer trusted.
                conversations.Remove(item.ConversationKey);
                (late ??= []).Add((item, exception));
                continue;
            }

            turns.Add(new Turn(item, before, result));
        }

        if (turns.Count == 0)
        {
            return new TurnBatchOutcome([], new Outgoing(0), late ?? [], waiting ?? []);
        }

        var outbox = await CommitAsync(db, engine, turns, now, cancellationToken).ConfigureAwait(false);
        foreach (var turn in turns)
        {
            conversations.Set(turn.Work.ConversationKey, new CachedConversation(turn.StateJson!, (turn.Before?.Version ?? 0) + 1, turn.ReferenceJson ?? turn.Before?.ReferenceJson, turn.Work.Id, turn.Result.State));
        }

        if (turns.Exists(t => t.Result.CreatedCase is not null))
        {
            photos.Wake();
        }

        return new TurnBatchOutcome([.. turns.Select(t => t.Work)], outbox, late ?? [], waiting ?? []);
    }

    private async Task<Outgoing> CommitAsync(ChannelBotDbContext db, DialogEngine engine, List<Turn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entered = await writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            CaseGateway? gateway = null;
            foreach (var turn in turns)
            {
                if (turn.Result.IsWaitingForWrite)
                {
                    gateway ??= cases.Create(db);
                    turn.Result = await ConversationTurn.ApplyWriteAsync(engine, turn.Work.Activity, turn.Result, gateway, cancellationToken).ConfigureAwait(false);
                    turn.CaseId = gateway.CaseIdFor(turn.Result.CreatedCase);
                }
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            var outbox = Prepare(turns, now);
            await TurnStatements.UpdateConversationsAsync(db, turns, now, cancellationToken).ConfigureAwait(false);
            await TurnStatements.InsertOutboxAsync(db, outbox.Rows, instance.Id, cancellationToken).ConfigureAwait(false);
            await TurnStatements.InsertConversationsAndMarkProcessedAsync(db, turns, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (gateway is not null)
            {
                // The filed cases' email receipts, written with them (by SaveChanges above): dispatched with the replies.
                outbox.AddWritten(gateway.Receipts);
            }

            return outbox;
        }
        finally
        {
            writes.Exit(entered);
        }
    }

    /// <summary>The last committed state of each conversation in the batch: cached, or read (null: a new conversation).</summary>
    private static async Task<Dictionary<string, CachedConversation?>> LoadAsync(ChannelBotDbContext db, List<InboundWork> work, ConversationCache conversations, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CachedConversation?>(work.Count, StringComparer.Ordinal);
        List<string>? missing = null;
        foreach (var item in work)
        {
            if (conversations.TryGet(item.ConversationKey, out var cached))
            {
                found[item.ConversationKey] = cached;
            }
            else
            {
                (missing ??= []).Add(item.ConversationKey);
                found[item.ConversationKey] = null;
            }
        }

        if (missing is not null)
        {
            var rows = await db.Conversations
                .AsNoTracking()
                .Where(c => missing.Contains(c.Key))
                .Select(c => new { c.Key, c.StateJson, c.Version, c.ReferenceJson, c.LastInboundId })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                found[row.Key] = new CachedConversation(row.StateJson, row.Version, row.ReferenceJson, row.LastInboundId);
            }
        }

        return found;
    }

    /// <summary>Serializes each turn's new state and reference, and makes its replies into outbox rows (in reply order).</summary>
    private static Outgoing Prepare(List<Turn> turns, DateTimeOffset now)
    {
        var outbox = new Outgoing(turns.Count * 2);
        foreach (var turn in turns)
        {
            var item = turn.Work;
            var result = turn.Result;
            turn.StateJson = DialogStateJson.Serialize(result.State);
            if (item.Activity.IsType(ActivityTypes.Message))
            {
                turn.IsMessage = true;
                var reference = ActivityJson.Serialize(item.Activity.GetConversationReference());
                turn.ReferenceJson = string.Equals(reference, turn.Before?.ReferenceJson, StringComparison.Ordinal) ? null : reference;
            }

            outbox.AddReplies(item, result.Replies, turn.CaseId, now);
        }

        return outbox;
    }
}
