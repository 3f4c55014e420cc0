using ChannelBot.Application.Dialogs;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Infrastructure.Handoffs;

/// <summary>
/// Tells a resident nobody has taken after <see cref="HandoffOptions.WaitNoticeAfter"/> where they stand in line,
/// once per wait. Each notice is claimed by one conditional update (so two instances never both send it) and written
/// with that claim. The waiting is measured on the app's clock; how often to look is plain elapsed time.
/// </summary>
internal sealed partial class HandoffWaitNotices(
    IDbContextFactory<ChannelBotDbContext> databases,
    IDialogEngineSource dialogs,
    OutboxDispatcher outbox,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffWaitNotices> logger) : BackgroundService
{
    private const int MaxPerRound = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WaitNoticeInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TellAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    /// <summary>One round: every resident due a notice now gets one.</summary>
    public async Task<int> TellAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = now - options.Value.WaitNoticeAfter;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await db.Handoffs.AsNoTracking()
            .Where(h => h.EndedAt == null && h.TakenBy == null)
            .OrderBy(h => h.RequestedAt).ThenBy(h => h.Id)
            .Take(HandoffDesk.MaxLine)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var told = 0;
        for (var i = 0; i < waiting.Count && told < MaxPerRound; i++)
        {
            var row = waiting[i];
            if (row.WaitNoticeAt is not null || row.RequestedAt > due)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var claimed = await db.Handoffs.Where(h => h.Id == row.Id && h.WaitNoticeAt == null && h.TakenBy == null && h.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.WaitNoticeAt, now), cancellationToken)
                .ConfigureAwait(false);
            var conversation = claimed == 1
                ? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Key == row.ConversationKey, cancellationToken).ConfigureAwait(false)
                : null;
            var text = HandoffMessages.Text(dialogs.Current.Definitions, row.ChannelId, row.Language, "handoff.stillWaiting", ("position", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var message = conversation is null ? null : HandoffMessages.Row(conversation, text, operatorName: null, now);
            if (message is not null)
            {
                db.OutboxMessages.Add(message);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (message is not null)
            {
                outbox.Dispatch([message]);
                told++;
            }
        }

        return told;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling residents in line for an operator where they stand failed; trying again next round.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
