using ChannelBot.Infrastructure.Instances;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.State;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Sets an inbound activity aside for staff when its turn failed or ran over its budget too often: in one
/// transaction the row is marked processed and set aside (with its counts and last error), and a message gets the
/// engine's apology (<c>message.setAside</c>) as an outbox row, so the resident knows and can go on. The
/// conversation's state is not touched, and the activity is never run again.
/// </summary>
internal sealed class TurnSetAside(
    IDbContextFactory<ChannelBotDbContext> databases,
    IDialogEngineSource engines,
    SqliteWriteGate writes,
    TimeProvider clock,
    InstanceIdentity instance)
{
    public async Task<Outgoing> SetAsideAsync(InboundWork work, int attempts, int overruns, string error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var outbox = new Outgoing(1);
        if (work.Activity.IsType(ActivityTypes.Message))
        {
            var stateJson = await db.Conversations.AsNoTracking()
                .Where(c => c.Key == work.ConversationKey)
                .Select(c => c.StateJson)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
            var apology = engines.Current.OnSetAside(DialogStateJson.Deserialize(stateJson), work.Activity);
            outbox.AddReplies(work, apology.Replies, caseId: null, now);
        }

        var entered = await writes.EnterAsync(db, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await TurnStatements.InsertOutboxAsync(db, outbox.Rows, instance.Id, cancellationToken).ConfigureAwait(false);
            await db.InboundActivities
                .Where(i => i.Id == work.Id)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(i => i.Attempts, attempts)
                        .SetProperty(i => i.Overruns, overruns)
                        .SetProperty(i => i.LastError, error)
                        .SetProperty(i => i.ProcessedAt, now)
                        .SetProperty(i => i.SetAsideAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            writes.Exit(entered);
        }

        return outbox;
    }

    /// <summary>Records a failed or overrun try of an activity that will be tried again.</summary>
    public async Task RecordFailureAsync(InboundWork work, int attempts, int overruns, string error, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.InboundActivities
            .Where(i => i.Id == work.Id)
            .ExecuteUpdateAsync(
                set => set.SetProperty(i => i.Attempts, attempts).SetProperty(i => i.Overruns, overruns).SetProperty(i => i.LastError, error),
                cancellationToken)
            .ConfigureAwait(false);
    }
}
