using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// <see cref="IDeliveryStatusLog"/> on the outbox rows. One conditional UPDATE per report: it applies only when
/// the report's rank is above the row's, so reports in any order, twice, or at the same time end at the highest
/// rank, and failed/undelivered (ranked above all) stick. A report without an error code keeps the stored one.
/// </summary>
internal sealed class DeliveryStatusLog(IDbContextFactory<ChannelBotDbContext> databases, IServiceProvider services) : IDeliveryStatusLog
{
    public async Task<DeliveryReportOutcome> RecordAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var sid = report.ProviderMessageId;
        var status = report.Status.Length > 64 ? report.Status[..64] : report.Status;
        var errorCode = report.ErrorCode is { Length: > 64 } code ? code[..64] : report.ErrorCode;
        var rank = report.Rank;
        var at = report.At;

        var rows = report.OutboxId is { } id
            ? db.OutboxMessages.Where(o => o.Id == id && (o.ProviderMessageId == null || o.ProviderMessageId == sid))
            : db.OutboxMessages.Where(o => o.ProviderMessageId == sid);
        var updated = await rows
            .Where(o => o.DeliveryRank < rank)
            .ExecuteUpdateAsync(
                set => set.SetProperty(o => o.DeliveryStatus, status)
                    .SetProperty(o => o.DeliveryRank, rank)
                    .SetProperty(o => o.DeliveryErrorCode, o => errorCode ?? o.DeliveryErrorCode)
                    .SetProperty(o => o.DeliveryUpdatedAt, at)
                    .SetProperty(o => o.ProviderMessageId, o => o.ProviderMessageId ?? sid),
                cancellationToken)
            .ConfigureAwait(false);
        if (updated > 0)
        {
            return DeliveryReportOutcome.Applied;
        }

        return await rows.AnyAsync(cancellationToken).ConfigureAwait(false)
            ? DeliveryReportOutcome.Stale
            : DeliveryReportOutcome.UnknownMessage;
    }

    public async Task<string?> FindProviderMessageIdAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.OutboxMessages
            .Where(o => o.Id == outboxId)
            .Select(o => o.ProviderMessageId)
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> ClaimedByOthersAsync(long outboxId, IReadOnlyCollection<string> providerMessageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(providerMessageIds);
        if (providerMessageIds.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await db.OutboxMessages
            .Where(o => o.Id != outboxId && o.ProviderMessageId != null && providerMessageIds.Contains(o.ProviderMessageId))
            .Select(o => o.ProviderMessageId!)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);

        // Sends recorded a moment ago may not be written yet (outcomes are written in batches): they count too.
        var unwritten = services.GetService<OutboxCompletionWriter>();
        return claimed.Concat(providerMessageIds.Where(sid => unwritten?.SentByAnother(sid, outboxId) == true)).ToHashSet(StringComparer.Ordinal);
    }
}
