using ChannelBot.Infrastructure.Dialogs;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChannelBot.Infrastructure;

/// <summary>Ready when the dialog files are loaded and the database answers.</summary>
internal sealed class ReadinessCheck(DialogEngineSource dialogs, IDbContextFactory<ChannelBotDbContext> databases) : IHealthCheck
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
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy($"Dialog files version {dialogs.Current.Definitions.Version}.")
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
