using ChannelBot.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// Hands out ticket numbers, one sequence per year, without gaps or repeats. The counter row is bumped with
/// one upsert that returns the number it took: on PostgreSQL the row stays locked until the caller's
/// transaction ends, so concurrent callers queue; on SQLite the transaction already holds the single write
/// lock. If the caller's transaction rolls back, so does the number. Call it inside the transaction that saves
/// the case (without one, the number is final at once and a failed save leaves a gap).
/// </summary>
public sealed class TicketNumberAllocator
{
    public async Task<TicketNumber> NextAsync(ChannelBotDbContext db, string prefix, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Refuse a bad prefix or year before a number is spent on it.
        _ = TicketNumber.Create(prefix, year, 1);

        // Plain SQL both providers understand (quoted identifiers, ON CONFLICT ... DO UPDATE, RETURNING).
        var taken = await db.Database
            .SqlQuery<long>($"""
                INSERT INTO "TicketCounters" ("Year", "Next") VALUES ({year}, 2)
                ON CONFLICT ("Year") DO UPDATE SET "Next" = "TicketCounters"."Next" + 1
                RETURNING "Next" - 1 AS "Value"
                """)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return TicketNumber.Create(prefix, year, taken.Single());
    }
}
