using ChannelBot.Infrastructure.Dialogs;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure;

/// <summary>
/// Ready when the dialog files are loaded and the database answers; Degraded when the oldest inbound message still
/// waiting for its turn has waited longer than <see cref="TurnOptions.ReadinessMaxWait"/> (turns are stuck or far
/// behind: residents are waiting for answers), or when the outbox row longest due has not gone out for longer than
/// <see cref="OutboxOptions.ReadinessMaxOverdue"/> (sending is stuck: a row whose provider fails is retried later, so
/// its due time moves on). Both ages are in the answer's data.
/// </summary>
internal sealed class ReadinessCheck(
    DialogEngineSource dialogs,
    IDbContextFactory<ChannelBotDbContext> databases,
    IOptions<TurnOptions> turns,
    IOptions<OutboxOptions> outbox,
    TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!dialogs.IsLoaded)
        {
            return HealthCheckResult.Unhealthy("The dialog files are not loaded.");
        }

        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var now = clock.GetUtcNow();
            var oldest = await db.InboundActivities.AsNoTracking()
                .Where(i => i.ProcessedAt == null)
                .OrderBy(i => i.Id)
                .Select(i => (DateTimeOffset?)i.ReceivedAt)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var longestDue = await db.OutboxMessages.AsNoTracking()
                .Where(o => o.Status == OutboxStatus.Pending && o.NextAttemptAt <= now)
                .OrderBy(o => o.NextAttemptAt)
                .Select(o => (DateTimeOffset?)o.NextAttemptAt)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var waited = oldest is { } received ? now - received : TimeSpan.Zero;
            var overdue = longestDue is { } due ? now - due : TimeSpan.Zero;
            var data = new Dictionary<string, object>
            {
                ["oldestTurnWaitSeconds"] = Math.Round(waited.TotalSeconds),
                ["oldestOutboxOverdueSeconds"] = Math.Round(overdue.TotalSeconds),
            };
            if (waited > turns.Value.ReadinessMaxWait)
            {
                return HealthCheckResult.Degraded($"The oldest message waiting for its turn arrived {waited.TotalSeconds:0} s ago.", data: data);
            }

            return overdue > outbox.Value.ReadinessMaxOverdue
                ? HealthCheckResult.Degraded($"The outbox message longest due has waited {overdue.TotalSeconds:0} s to be sent.", data: data)
                : HealthCheckResult.Healthy($"Dialog files version {dialogs.Current.Definitions.Version}.", data);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
