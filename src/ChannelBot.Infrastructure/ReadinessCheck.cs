using ChannelBot.Infrastructure.Dialogs;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Turns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure;

/// <summary>
/// Ready when the dialog files are loaded and the database answers; Degraded when the oldest inbound message still
/// waiting for its turn has waited longer than <see cref="TurnOptions.ReadinessMaxWait"/> (turns are stuck or far
/// behind: residents are waiting for answers).
/// </summary>
internal sealed class ReadinessCheck(
    DialogEngineSource dialogs,
    IDbContextFactory<ChannelBotDbContext> databases,
    IOptions<TurnOptions> turns,
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

            var oldest = await db.InboundActivities.AsNoTracking()
                .Where(i => i.ProcessedAt == null)
                .OrderBy(i => i.Id)
                .Select(i => (DateTimeOffset?)i.ReceivedAt)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var waited = oldest is { } received ? clock.GetUtcNow() - received : TimeSpan.Zero;
            return waited > turns.Value.ReadinessMaxWait
                ? HealthCheckResult.Degraded($"The oldest message waiting for its turn arrived {waited.TotalSeconds:0} s ago.")
                : HealthCheckResult.Healthy($"Dialog files version {dialogs.Current.Definitions.Version}.");
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
