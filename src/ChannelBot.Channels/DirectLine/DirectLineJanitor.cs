using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Keeps Direct Line bounded: every <see cref="DirectLineOptions.SweepInterval"/> it drops conversations idle
/// past <see cref="DirectLineOptions.ConversationIdleTimeout"/>, deletes uploads older than
/// <see cref="DirectLineOptions.UploadRetention"/>, and forgets session rate-limit entries that have refilled.
/// </summary>
public sealed class DirectLineJanitor(
    IOptions<DirectLineOptions> options,
    DirectLineTokens tokens,
    IDirectLineConversationStore conversations,
    IDirectLineAttachmentStore attachments,
    DirectLineSessionLimiter sessionLimiter,
    TimeProvider clock,
    ILogger<DirectLineJanitor> logger) : BackgroundService
{
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>One sweep, at the clock's now.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        var dropped = conversations.DropIdle(now - _options.ConversationIdleTimeout);
        var deleted = attachments.DeleteOlderThan(now - _options.UploadRetention);
        sessionLimiter.Forget(now);
        DirectLineLog.Swept(logger, dropped, deleted);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!tokens.IsEnabled)
        {
            DirectLineLog.Disabled(logger);
            return;
        }

        if (tokens.GeneratedKey)
        {
            DirectLineLog.GeneratedKey(logger);
        }

        using var timer = new PeriodicTimer(_options.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    Sweep();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    DirectLineLog.SweepFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
