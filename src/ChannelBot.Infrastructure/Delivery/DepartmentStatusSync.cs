using ChannelBot.Application.Delivery;
using ChannelBot.Domain.Cases;
using ChannelBot.Infrastructure.Instances;
using ChannelBot.Infrastructure.Open311;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Delivery;

/// <summary>
/// Brings status back from departments' Open311 work-order systems: every <see cref="DepartmentOpen311.PollInterval"/>
/// one instance (the lease on the department's <see cref="DepartmentSyncRecord"/>) reads the system's changes since its
/// last read (with <see cref="Overlap"/>), finds our case by the <c>service_request_id</c> the system gave its delivery,
/// and applies each change, oldest first, through <see cref="ExternalStatusUpdates"/> — the use case behind our own
/// <c>servicerequestupdates</c>, so the resident hears it on their channel and the same change read twice, or one older
/// than the case's last change, changes nothing. What went wrong is kept on the record for staff to see.
/// </summary>
internal sealed partial class DepartmentStatusSync(
    IDbContextFactory<ChannelBotDbContext> databases,
    IOptionsMonitor<DepartmentDeliveryOptions> options,
    IDepartmentStatusReader reader,
    ExternalStatusUpdates updates,
    InstanceIdentity instance,
    TimeProvider clock,
    ILogger<DepartmentStatusSync> logger) : BackgroundService
{
    /// <summary>Each read starts this much before the last one ended, so a change recorded late there is not missed.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <summary>The first read of a system looks back this far.</summary>
    public static readonly TimeSpan FirstLookBack = TimeSpan.FromDays(1);

    /// <summary>How many tokens are asked about in one read (the oldest first).</summary>
    public const int MaxTokensPerRead = 100;

    /// <summary>How many of a department's open cases a <c>requests</c> read asks about.</summary>
    public const int MaxOpenRequests = 1000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wake as often as the most frequent system wants (at most once a minute when none does); each department's lease says whether it is due.
        var tick = options.CurrentValue.Open311.Values.Select(s => s.PollInterval).Where(i => i > TimeSpan.Zero).DefaultIfEmpty(TimeSpan.FromMinutes(1)).Min();
        return Periodically.RunAsync(tick < TimeSpan.FromMinutes(1) ? tick : TimeSpan.FromMinutes(1), clock, atOnce: true, RoundAsync, LogRoundFailed, stoppingToken);
    }

    /// <summary>One round: every department with a system to read and due, read once.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        foreach (var department in current.Open311.Keys)
        {
            if (current.Open311Of(department) is not { } system || system.Updates == DepartmentOpen311.UpdatesNone)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            if (await ClaimAsync(department, now + system.PollInterval, now, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                continue;
            }

            try
            {
                var applied = await SyncAsync(department, system, record.LastSyncedAt, now, cancellationToken).ConfigureAwait(false);
                await RecordAsync(department, now, null, applied, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSyncFailed(department, exception.Message);
                var error = exception.Message.Length <= 500 ? exception.Message : exception.Message[..500];
                await RecordAsync(department, null, error, 0, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> SyncAsync(string department, DepartmentOpen311 system, DateTimeOffset? lastSynced, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = (lastSynced ?? now - FirstLookBack) - Overlap;
        var prefix = DepartmentDelivery.ConversationKeyPrefix(department);
        await ResolveTokensAsync(system, prefix, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> open = [];
        if (system.Updates == DepartmentOpen311.UpdatesByRequests)
        {
            open = await OpenRequestIdsAsync(prefix, cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                return 0;
            }
        }

        var changes = await reader.ReadAsync(system, from, now, open, cancellationToken).ConfigureAwait(false);
        var tickets = await TicketsAsync(prefix, [.. changes.Select(c => c.ServiceRequestId).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        var applied = 0;
        foreach (var change in changes)
        {
            if (!tickets.TryGetValue(change.ServiceRequestId, out var ticket))
            {
                continue; // a request of that system's own, not one of ours
            }

            var (result, reason) = await updates.ApplyAsync($"{department} work orders", change.UpdateId, ticket, change.Status, change.UpdatedAt, change.Description, cancellationToken).ConfigureAwait(false);
            if (result == ExternalUpdateResult.Refused)
            {
                LogRefused(department, change.ServiceRequestId, change.Status, reason);
            }

            applied += result == ExternalUpdateResult.Done ? 1 : 0;
        }

        return applied;
    }

    /// <summary>
    /// Deliveries the system took asynchronously (answered a token): asks for the request id each token has by now, and
    /// keeps it on the delivery in place of the token, so the case's status can be found from then on.
    /// </summary>
    private async Task ResolveTokensAsync(DepartmentOpen311 system, string prefix, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.OutboxMessages
            .Where(m => m.ChannelId == DepartmentDelivery.Open311Channel && m.ConversationKey.StartsWith(prefix) && m.ProviderMessageId!.StartsWith(DepartmentDelivery.TokenPrefix))
            .OrderBy(m => m.Id)
            .Take(MaxTokensPerRead)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        foreach (var delivery in waiting)
        {
            if (await reader.RequestIdOfAsync(system, delivery.ProviderMessageId![DepartmentDelivery.TokenPrefix.Length..], cancellationToken).ConfigureAwait(false) is { } id)
            {
                delivery.ProviderMessageId = id;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Our cases this department's system holds (by its id) that are not closed yet, newest first.</summary>
    private async Task<IReadOnlyList<string>> OpenRequestIdsAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ChannelId == DepartmentDelivery.Open311Channel && m.ConversationKey.StartsWith(prefix) && m.ProviderMessageId != null && m.CaseId != null)
            .Join(db.Cases, m => m.CaseId, c => (Guid?)c.Id, (m, c) => new { m.ProviderMessageId, m.CreatedAt, c.Status })
            .Where(x => x.Status != CaseStatus.Closed && !x.ProviderMessageId!.StartsWith(DepartmentDelivery.TokenPrefix))
            .OrderByDescending(x => x.CreatedAt)
            .Select(x => x.ProviderMessageId!)
            .Take(MaxOpenRequests)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Our ticket for each of the system's request ids that is one of our deliveries to it.</summary>
    private async Task<Dictionary<string, TicketNumber>> TicketsAsync(string prefix, List<string> ids, CancellationToken cancellationToken)
    {
        var tickets = new Dictionary<string, TicketNumber>(StringComparer.Ordinal);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in ids.Chunk(200))
        {
            var rows = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ChannelId == DepartmentDelivery.Open311Channel && m.ConversationKey.StartsWith(prefix) && batch.Contains(m.ProviderMessageId!))
                .Join(db.Cases, m => m.CaseId, c => (Guid?)c.Id, (m, c) => new { m.ProviderMessageId, c.Ticket })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                tickets[row.ProviderMessageId!] = row.Ticket;
            }
        }

        return tickets;
    }

    /// <summary>The department's record when this instance may read it now (its lease taken until <paramref name="until"/>); null when another has it or it is not due.</summary>
    private async Task<DepartmentSyncRecord?> ClaimAsync(string department, DateTimeOffset until, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.DepartmentSyncs.AnyAsync(s => s.Department == department, cancellationToken).ConfigureAwait(false))
        {
            db.DepartmentSyncs.Add(new DepartmentSyncRecord { Department = department });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException exception) when (DbExceptionClassifier.IsUniqueViolation(exception))
            {
                // Another instance added it at the same moment: the lease below decides.
            }
        }

        var me = instance.Id;
        var taken = await db.DepartmentSyncs
            .Where(s => s.Department == department && (s.LeaseUntil == null || s.LeaseUntil <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LeaseOwner, me).SetProperty(s => s.LeaseUntil, until), cancellationToken)
            .ConfigureAwait(false);
        return taken == 0 ? null : await db.DepartmentSyncs.AsNoTracking().SingleAsync(s => s.Department == department, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(string department, DateTimeOffset? synced, string? error, int applied, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (synced is { } at)
        {
            await db.DepartmentSyncs.Where(s => s.Department == department)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSyncedAt, at).SetProperty(s => s.LastAttemptAt, now).SetProperty(s => s.LastError, (string?)null).SetProperty(s => s.Applied, s => s.Applied + applied), cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            await db.DepartmentSyncs.Where(s => s.Department == department)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastAttemptAt, now).SetProperty(s => s.LastError, error), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 4721, Level = LogLevel.Warning, Message = "Reading the status of {Department}'s Open311 system failed (tried again at the next poll): {Error}")]
    private partial void LogSyncFailed(string department, string error);

    [LoggerMessage(EventId = 4722, Level = LogLevel.Warning, Message = "{Department}'s Open311 system reported {Status} for request {RequestId}, which the case cannot take: {Reason}")]
    private partial void LogRefused(string department, string requestId, string status, string? reason);

    [LoggerMessage(EventId = 4723, Level = LogLevel.Error, Message = "A round of reading departments' Open311 systems failed.")]
    private partial void LogRoundFailed(Exception exception);
}
