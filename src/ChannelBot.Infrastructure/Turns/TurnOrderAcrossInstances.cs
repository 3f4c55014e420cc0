using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Infrastructure.Pipeline;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>
/// Keeps a conversation's turns in arrival order when its activities reached different instances (PostgreSQL): an
/// activity waits while an earlier one of its conversation is still unprocessed — held by another instance, or taken
/// over from one and queued here behind it. Within one instance the scheduler alone keeps the order (an activity is
/// handed out only after the one before it committed); on SQLite there is only one instance.
/// </summary>
internal static class TurnOrderAcrossInstances
{
    /// <summary>The ids of <paramref name="work"/> that must wait for an earlier activity of their conversation.</summary>
    public static async Task<HashSet<long>> MustWaitAsync(ChannelBotDbContext db, List<InboundWork> work, CancellationToken cancellationToken)
    {
        var query = StoreCommand.On(db);
        await using (query.ConfigureAwait(false))
        {
            query.Sql("""SELECT "ConversationKey", MIN("Id") FROM "InboundActivities" WHERE "ProcessedAt" IS NULL AND "ConversationKey" IN (""");
            var keys = work.Select(w => w.ConversationKey).Distinct(StringComparer.Ordinal).ToList();
            for (var i = 0; i < keys.Count; i++)
            {
                query.Sql(i == 0 ? string.Empty : ", ").Value<InboundActivityRecord>(nameof(InboundActivityRecord.ConversationKey), keys[i]);
            }

            query.Sql(""") GROUP BY "ConversationKey" """);
            var earliest = (await query.QueryAsync(r => (Key: r.GetString(0), Id: r.GetInt64(1)), cancellationToken).ConfigureAwait(false))
                .ToDictionary(e => e.Key, e => e.Id, StringComparer.Ordinal);
            return [.. work.Where(w => earliest.TryGetValue(w.ConversationKey, out var first) && first < w.Id).Select(w => w.Id)];
        }
    }
}
