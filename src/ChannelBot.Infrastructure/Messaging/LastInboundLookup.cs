using ChannelBot.Application.Messaging;
using ChannelBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Messaging;

/// <summary>
/// <see cref="ILastInboundLookup"/> on the <c>Conversations</c> table: its <c>LastInboundAt</c>, which the turn
/// pipeline sets with every message a resident sends. One indexed read by primary key per send.
/// </summary>
internal sealed class LastInboundLookup(IDbContextFactory<ChannelBotDbContext> databases) : ILastInboundLookup
{
    public async Task<DateTimeOffset?> LastInboundAtAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Conversations.AsNoTracking()
                .Where(c => c.Key == conversationKey)
                .Select(c => c.LastInboundAt)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
