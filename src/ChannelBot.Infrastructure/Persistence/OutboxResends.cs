using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Outbox;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary><see cref="IOutboxResends"/> on the outbox rows: the copy is committed, then handed to the dispatcher (or found by its sweep).</summary>
internal sealed class OutboxResends(IDbContextFactory<ChannelBotDbContext> databases, IServiceProvider services, TimeProvider clock) : IOutboxResends
{
    public async Task<Activity?> FindActivityAsync(long outboxId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var json = await db.OutboxMessages.Where(o => o.Id == outboxId).Select(o => o.ActivityJson).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : ActivityJson.Deserialize(json);
    }

    public async Task<long?> ResendAsync(long outboxId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var original = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(o => o.Id == outboxId, cancellationToken).ConfigureAwait(false);
        if (original is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var copy = OutboxRows.Pending(original.ConversationKey, original.ChannelId, activity, now, original.CaseId);
        db.OutboxMessages.Add(copy);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        services.GetService<OutboxDispatcher>()?.Dispatch([copy]);
        return copy.Id;
    }
}
