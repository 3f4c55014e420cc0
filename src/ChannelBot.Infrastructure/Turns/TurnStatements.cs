using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// The set-based statements a batch of turns commits with: one UPDATE for the known conversations (version
/// checked), one INSERT for the replies (outbox rows), and one command that inserts the new conversations and
/// marks the inbound activities processed.
/// </summary>
internal static class TurnStatements
{
    /// <summary>One UPDATE for every known conversation, each only if its version is still the one this turn started from.</summary>
    public static async Task UpdateConversationsAsync(ChannelBotDbContext db, List<Turn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = 0;
        var update = StoreCommand.On(db);
        await using (update.ConfigureAwait(false))
        {
            update.Sql("WITH v(k, ver, s, li, r, last) AS (VALUES ");
            foreach (var turn in turns)
            {
                if (turn.Before is not { } before)
                {
                    continue;
                }

                update.Sql(count++ == 0 ? "(" : ", (")
                    .Value<ConversationRecord>(nameof(ConversationRecord.Key), turn.Work.ConversationKey).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.Version), before.Version).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.StateJson), turn.StateJson).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundAt), turn.IsMessage ? now : null).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ReferenceJson), turn.ReferenceJson).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundId), turn.Work.Id).Sql(")");
            }

            if (count == 0)
            {
                return;
            }

            update.Sql(""") UPDATE "Conversations" SET "StateJson" = v.s, "Version" = v.ver + 1, "UpdatedAt" = """)
                .Value<ConversationRecord>(nameof(ConversationRecord.UpdatedAt), now)
                .Sql(""", "LastInboundAt" = COALESCE(v.li, "LastInboundAt"), "ReferenceJson" = COALESCE(v.r, "ReferenceJson"), "LastInboundId" = v.last FROM v WHERE "Key" = v.k AND "Version" = v.ver RETURNING "Key" """);
            var updated = await update.QueryAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
            if (updated.Count != count)
            {
                throw new DbUpdateConcurrencyException($"{count - updated.Count} of {count} conversations were changed by someone else during the turn; the batch is rolled back and run again.");
            }
        }
    }

    /// <summary>
    /// One INSERT … RETURNING for every reply of the batch, owned by <paramref name="owner"/> (this instance sends them). Ids are handed out in the order of the VALUES list
    /// (SQLite AUTOINCREMENT under the write lock; a PostgreSQL identity evaluated row by row), so the sorted
    /// ids belong to the rows in list order, and per conversation they follow reply order.
    /// </summary>
    public static async Task InsertOutboxAsync(ChannelBotDbContext db, List<OutboxMessageRecord> outbox, string owner, CancellationToken cancellationToken)
    {
        if (outbox.Count == 0)
        {
            return;
        }

        var insert = StoreCommand.On(db);
        await using (insert.ConfigureAwait(false))
        {
            insert.Sql("""INSERT INTO "OutboxMessages" ("ConversationKey", "ChannelId", "ActivityJson", "CreatedAt", "Status", "Attempts", "NextAttemptAt", "CaseId", "DeliveryRank", "OwnerId", "InboundId") VALUES """);
            for (var i = 0; i < outbox.Count; i++)
            {
                var row = outbox[i];
                row.OwnerId = owner;
                insert.Sql(i == 0 ? "(" : ", (")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ConversationKey), row.ConversationKey).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ChannelId), row.ChannelId).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.ActivityJson), row.ActivityJson).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.CreatedAt), row.CreatedAt).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.Status), row.Status).Sql(", 0, ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.NextAttemptAt), row.NextAttemptAt).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.CaseId), row.CaseId).Sql(", 0, ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.OwnerId), owner).Sql(", ")
                    .Value<OutboxMessageRecord>(nameof(OutboxMessageRecord.InboundId), row.InboundId).Sql(")");
            }

            insert.Sql(""" RETURNING "Id" """);
            var ids = await insert.QueryAsync(r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
            if (ids.Count != outbox.Count)
            {
                throw new InvalidOperationException($"Inserting {outbox.Count} outbox rows returned {ids.Count} ids.");
            }

            ids.Sort();
            for (var i = 0; i < outbox.Count; i++)
            {
                outbox[i].Id = ids[i];
            }
        }
    }

    /// <summary>
    /// One command (one round trip on PostgreSQL) with two statements: an INSERT for the conversations that had
    /// none stored (one stored meanwhile by another instance fails the batch), and the processed marks.
    /// </summary>
    public static async Task InsertConversationsAndMarkProcessedAsync(ChannelBotDbContext db, List<Turn> turns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = StoreCommand.On(db);
        await using (command.ConfigureAwait(false))
        {
            var count = 0;
            foreach (var turn in turns)
            {
                if (turn.Before is not null)
                {
                    continue;
                }

                if (count++ == 0)
                {
                    command.Sql("""INSERT INTO "Conversations" ("Key", "ChannelId", "ConversationId", "StateJson", "Version", "UpdatedAt", "LastInboundAt", "ReferenceJson", "LastInboundId") VALUES (""");
                }
                else
                {
                    command.Sql(", (");
                }

                var activity = turn.Work.Activity;
                command
                    .Value<ConversationRecord>(nameof(ConversationRecord.Key), turn.Work.ConversationKey).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ChannelId), activity.ChannelId ?? string.Empty).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ConversationId), activity.Conversation?.Id ?? string.Empty).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.StateJson), turn.StateJson).Sql(", 1, ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.UpdatedAt), now).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundAt), turn.IsMessage ? now : null).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.ReferenceJson), turn.ReferenceJson).Sql(", ")
                    .Value<ConversationRecord>(nameof(ConversationRecord.LastInboundId), turn.Work.Id).Sql(")");
            }

            if (count > 0)
            {
                command.Sql("; ");
            }

            // Each activity processed and linked to its conversation's previous one (the chain staff read a case's conversation by).
            command.Sql("WITH p(aid, prev) AS (VALUES ");
            for (var i = 0; i < turns.Count; i++)
            {
                command.Sql(i == 0 ? "(" : ", (")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.Id), turns[i].Work.Id).Sql(", ")
                    .Value<InboundActivityRecord>(nameof(InboundActivityRecord.PreviousId), turns[i].Before?.LastInboundId).Sql(")");
            }

            command.Sql(""") UPDATE "InboundActivities" SET "ProcessedAt" = """)
                .Value<InboundActivityRecord>(nameof(InboundActivityRecord.ProcessedAt), now)
                .Sql(""", "PreviousId" = p.prev FROM p WHERE "Id" = p.aid""");
            await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
