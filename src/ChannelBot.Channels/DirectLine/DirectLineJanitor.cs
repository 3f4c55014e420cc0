using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.DirectLine;

/// <summary>
/// Keeps Direct Line bounded: every <see cref="DirectLineOptions.SweepInterval"/> it deletes conversations (and their logs) idle
/// past <see cref="DirectLineOptions.ConversationIdleTimeout"/>, deletes uploads older than
/// <see cref="DirectLineOptions.UploadRetention"/>, lets go from memory the conversations unused for
/// <see cref="DirectLineOptions.LiveIdleTimeout"/> (their logs stay stored), and forgets session rate-limit entries that
/// have refilled.
/// </summary>
internal sealed class DirectLineJanitor(
    IOptions<DirectLineOptions> options,
    DirectLineTokens tokens,
    DirectLineConversations conversations,
    IDirectLineAttachmentStore attachments,
    DirectLineSessionLimiter sessionLimiter,
    TimeProvider clock,
    ILogger<DirectLineJanitor> logger) : BackgroundService
{
    private readonly DirectLineOptions _options = options.Value;

    /// <summary>One sweep, at the clock's now.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var dropped = await conversations.DropIdleAsync(now - _options.ConversationIdleTimeout, cancellationToken).ConfigureAwait(false);
        await conversations.UnloadInactiveAsync(now - _options.LiveIdleTimeout, cancellationToken).ConfigureAwait(false);
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
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
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
