using ChannelBot.Application.Photos;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Retention;

/// <summary>
/// Deletes what the city no longer needs, every <see cref="RetentionOptions.SweepInterval"/>: processed inbound
/// messages, sent or failed outbox messages (with their delivery reports) and idle conversations older than
/// <see cref="RetentionOptions.MessageDays"/> (a conversation an open case still needs is kept, with its messages and
/// the messages about the case: they are the case's conversation staff read), and the reporter's personal data and
/// photos of cases closed more than <see cref="RetentionOptions.ClosedCasePersonalDataDays"/> ago
/// (<see cref="Case.RemovePersonalData"/>) with the case's conversation: the messages about it, and its conversation's
/// messages up to its closing once no other case of that conversation keeps its personal data. Web chat logs and
/// uploads have their own, shorter limits (DirectLine).
/// </summary>
internal sealed partial class RetentionSweeper(
    IDbContextFactory<ChannelBotDbContext> databases,
    IPhotoStore photos,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    private const int CaseBatch = 100;
    private const string By = "retention";
    private const int MaxConversationWalk = 1_000_000;
    private const int DeleteChunk = 500;

    private readonly RetentionOptions _options = options.Value;

    /// <summary>One sweep at the clock's now; returns (messages and conversations deleted, cases anonymised).</summary>
    public async Task<(int Deleted, int Anonymised)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = _options.MessageDays > 0 ? await DeleteMessagesAsync(now.AddDays(-_options.MessageDays), cancellationToken).ConfigureAwait(false) : 0;
        var anonymised = _options.ClosedCasePersonalDataDays > 0 ? await AnonymiseAsync(now, cancellationToken).ConfigureAwait(false) : 0;
        if (deleted + anonymised > 0)
        {
            LogSwept(deleted, anonymised);
        }

        return (deleted, anonymised);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<int> DeleteMessagesAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var inbound = await db.InboundActivities
            .Where(i => i.ProcessedAt != null && i.ProcessedAt < cutoff
                && !db.Cases.Any(k => k.ConversationKey == i.ConversationKey && k.Status != CaseStatus.Closed))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
        var outbox = await db.OutboxMessages
            .Where(o => o.Status != OutboxStatus.Pending && o.CreatedAt < cutoff
                && !db.Cases.Any(k => (k.Id == o.CaseId || k.ConversationKey == o.ConversationKey) && k.Status != CaseStatus.Closed))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
        var conversations = await db.Conversations
            .Where(c => c.UpdatedAt < cutoff && !db.Cases.Any(k => k.ConversationKey == c.Key && k.Status != CaseStatus.Closed))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
        return inbound + outbox + conversations;
    }

    private async Task<int> AnonymiseAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closedBefore = now.AddDays(-_options.ClosedCasePersonalDataDays);
        var total = 0;
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

            // One transaction per batch: an anonymised case no longer names its conversation, so its messages must go
            // in the same commit (a crash in between would keep them forever, and a reader would see them meanwhile).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var cases = await db.Cases
                .Where(c => c.Status == CaseStatus.Closed && c.UpdatedAt < closedBefore
                    && (c.Reporter.Name != null || c.Reporter.Phone != null || c.Reporter.Email != null || c.Reporter.ChannelUserId != string.Empty
                        || c.Photos.Any(p => p.Status != PhotoStatus.Removed)))
                .OrderBy(c => c.UpdatedAt)
                .Take(CaseBatch)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var conversations = new List<(Guid Id, string Key, DateTimeOffset ClosedAt)>(cases.Count);
            foreach (var @case in cases)
            {
                // Before the commit, so no reader ever sees an anonymised case whose photos still exist; a failed
                // commit leaves the case pointing at them and the next sweep deletes again (a missing file is fine).
                foreach (var photo in @case.Photos.Where(p => p.StoredPath is not null))
                {
                    photos.Delete(photo.StoredPath!);
                }

                conversations.Add((@case.Id, @case.ConversationKey, @case.UpdatedAt));
                @case.RemovePersonalData(By, now);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (id, key, closedAt) in conversations)
            {
                await RemoveConversationAsync(db, id, key, closedAt, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

            total += cases.Count;
            if (cases.Count < CaseBatch)
            {
                return total;
            }
        }
    }

    /// <summary>
    /// The anonymised case's conversation: the messages about it (not a notification still waiting to be sent), and its
    /// conversation's messages up to its closing, unless another case of the same conversation still has its personal
    /// data (then they go when the last of those is anonymised; an anonymised case no longer names the conversation).
    /// </summary>
    private static async Task RemoveConversationAsync(ChannelBotDbContext db, Guid caseId, string key, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await db.OutboxMessages.Where(o => o.CaseId == caseId && o.Status != OutboxStatus.Pending).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Cases.AnyAsync(c => c.ConversationKey == key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // The conversation's activities (along its chain: no index by conversation key; those set aside, which no turn
        // linked, by their own small index) and the replies to them.
        var chain = await ConversationChain.IdsAsync(db, key, MaxConversationWalk, cancellationToken).ConfigureAwait(false);
        chain.AddRange(await db.InboundActivities
            .Where(i => i.SetAsideAt != null && i.ConversationKey == key)
            .Select(i => i.Id)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false));
        foreach (var chunk in chain.Chunk(DeleteChunk))
        {
            await db.OutboxMessages.Where(o => o.InboundId != null && chunk.Contains(o.InboundId.Value) && o.Status != OutboxStatus.Pending && o.CreatedAt <= closedAt)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.InboundActivities.Where(i => chunk.Contains(i.Id) && i.ProcessedAt != null && i.ReceivedAt <= closedAt)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Retention: {Deleted} old messages and conversations deleted, {Anonymised} closed cases' personal data removed.")]
    private partial void LogSwept(int deleted, int anonymised);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Error, Message = "The retention sweep failed; trying again at the next one.")]
    private partial void LogSweepFailed(Exception exception);
}
