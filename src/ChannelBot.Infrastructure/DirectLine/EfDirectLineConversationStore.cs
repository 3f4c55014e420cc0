using ChannelBot.Application.DirectLine;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.DirectLine;

/// <summary>
/// Direct Line conversations and their logs in the bot's database (SQLite or PostgreSQL): the truth behind the live
/// conversations the Direct Line server keeps in memory. Each call is one short context; a post costs one insert (and
/// every <c>SequenceBlock</c> posts one update of the high-water mark); reads near the end of a log never come here.
/// </summary>
public sealed class EfDirectLineConversationStore(IDbContextFactory<ChannelBotDbContext> contexts) : IDirectLineConversationStore
{
    private const string ActivitiesTable = "DirectLineActivities";

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.DirectLineConversations.CountAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AddAsync(StoredDirectLineConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.DirectLineConversations.Add(new DirectLineConversationRecord
            {
                Id = conversation.Id,
                UserId = conversation.UserId,
                UserName = conversation.UserName,
                CreatedAt = conversation.CreatedAt,
                LastActiveAt = conversation.LastActiveAt,
                NextSequence = conversation.NextSequence,
                Started = conversation.Started,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<StoredDirectLineConversationWithTail?> FindAsync(string conversationId, int tail, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var record = await db.DirectLineConversations.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            var last = await db.DirectLineActivities.AsNoTracking()
                .Where(a => a.ConversationId == conversationId)
                .OrderByDescending(a => a.Sequence)
                .Take(tail)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            last.Reverse();
            var conversation = new StoredDirectLineConversation(
                record.Id, record.UserId, record.UserName, record.CreatedAt, record.LastActiveAt, record.NextSequence, record.Started);
            return new StoredDirectLineConversationWithTail(conversation, last.ConvertAll(ToStored));
        }
    }

    public async Task MarkStartedAsync(string conversationId, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.DirectLineConversations.Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Started, true), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ReserveThroughAsync(string conversationId, long nextSequence, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var updated = await db.DirectLineConversations.Where(c => c.Id == conversationId && c.NextSequence < nextSequence)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.NextSequence, nextSequence), cancellationToken).ConfigureAwait(false);
            if (updated == 0 && !await db.DirectLineConversations.AnyAsync(c => c.Id == conversationId, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("No such Direct Line conversation (it was swept).");
            }
        }
    }

    public async Task<long> AppendAsync(string conversationId, StoredDirectLineActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.DirectLineActivities.Add(new DirectLineActivityRecord
            {
                ConversationId = conversationId,
                Sequence = activity.Sequence,
                ActivityJson = activity.ActivityJson,
                CreatedAt = activity.CreatedAt,
                OutboxId = activity.OutboxId,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (activity.OutboxId is { } outboxId && DbExceptionClassifier.IsUniqueViolation(exception, ActivitiesTable))
            {
                db.ChangeTracker.Clear();
                var first = await db.DirectLineActivities.AsNoTracking()
                    .Where(a => a.ConversationId == conversationId && a.OutboxId == outboxId)
                    .Select(a => (long?)a.Sequence)
                    .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return first ?? throw new InvalidOperationException($"Sequence {activity.Sequence} of the conversation is already stored.", exception);
            }

            // The sweep goes by it; the live conversation also writes read times at each sweep.
            await db.DirectLineConversations.Where(c => c.Id == conversationId && c.LastActiveAt < activity.CreatedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastActiveAt, activity.CreatedAt), cancellationToken).ConfigureAwait(false);
            return activity.Sequence;
        }
    }

    public async Task<IReadOnlyList<StoredDirectLineActivity>> ReadAsync(string conversationId, long fromSequence, long toSequence, int limit, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.DirectLineActivities.AsNoTracking()
                .Where(a => a.ConversationId == conversationId && a.Sequence >= fromSequence && a.Sequence < toSequence)
                .OrderBy(a => a.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(ToStored);
        }
    }

    public async Task<bool> TryCountUploadsAsync(string conversationId, int files, long bytes, int maxFiles, long maxBytes, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var counted = await db.DirectLineConversations
                .Where(c => c.Id == conversationId && c.UploadCount + files <= maxFiles && c.UploadBytes + bytes <= maxBytes)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UploadCount, c => c.UploadCount + files).SetProperty(c => c.UploadBytes, c => c.UploadBytes + bytes), cancellationToken)
                .ConfigureAwait(false);
            return counted == 1;
        }
    }

    public async Task TouchAsync(string conversationId, DateTimeOffset lastActiveAt, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.DirectLineConversations.Where(c => c.Id == conversationId && c.LastActiveAt < lastActiveAt)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastActiveAt, lastActiveAt), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> DeleteIdleAsync(DateTimeOffset idleBefore, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var idle = await db.DirectLineConversations.Where(c => c.LastActiveAt < idleBefore)
                    .Select(c => c.Id)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                if (idle.Count == 0)
                {
                    return [];
                }

                await db.DirectLineActivities.Where(a => idle.Contains(a.ConversationId))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await db.DirectLineConversations.Where(c => idle.Contains(c.Id))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return idle;
            }
        }
    }

    private static StoredDirectLineActivity ToStored(DirectLineActivityRecord record) =>
        new(record.Sequence, record.ActivityJson, record.CreatedAt, record.OutboxId);
}
