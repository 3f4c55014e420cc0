using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// A conversation's inbound activities, newest first, found by following <see cref="InboundActivityRecord.PreviousId"/>
/// back from <see cref="ConversationRecord.LastInboundId"/> (one recursive query, a primary-key look-up per step).
/// Activities a turn never ran for (still waiting, or set aside) are not in the chain.
/// </summary>
internal static class ConversationChain
{
    /// <summary>The ids of at most <paramref name="max"/> of <paramref name="conversationKey"/>'s activities, newest first.</summary>
    public static async Task<List<long>> IdsAsync(ChannelBotDbContext db, string conversationKey, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var last = await db.Conversations.AsNoTracking()
            .Where(c => c.Key == conversationKey)
            .Select(c => c.LastInboundId)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (last is not { } newest)
        {
            return [];
        }

        // Ids only grow along the chain; the step bound also stops a chain that some fault made circular.
        return await db.Database.SqlQuery<long>($"""
            WITH RECURSIVE chain("Value", "Prev", "Step") AS (
                SELECT "Id", "PreviousId", 1 FROM "InboundActivities" WHERE "Id" = {newest}
                UNION ALL
                SELECT i."Id", i."PreviousId", c."Step" + 1 FROM "InboundActivities" AS i INNER JOIN chain AS c ON i."Id" = c."Prev" WHERE c."Step" < {max})
            SELECT "Value" FROM chain ORDER BY "Step"
            """).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
