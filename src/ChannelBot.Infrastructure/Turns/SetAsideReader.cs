using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>Reads the inbound messages set aside for staff (<see cref="TurnSetAside"/>), newest first.</summary>
public sealed class SetAsideReader(IDbContextFactory<ChannelBotDbContext> databases)
{
    public const int MaxPageSize = 200;
    private const int MaxText = 500;

    public async Task<IReadOnlyList<SetAsideMessage>> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = (long)(Math.Clamp(page, 1, 10_000) - 1) * size;
        await using var db = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.InboundActivities.AsNoTracking()
            .Where(i => i.SetAsideAt != null)
            .OrderByDescending(i => i.Id)
            .Skip((int)skip)
            .Take(size)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. rows.Select(Describe)];
    }

    private static SetAsideMessage Describe(InboundActivityRecord row)
    {
        string? text = null;
        var attachments = 0;
        try
        {
            var activity = ActivityJson.Deserialize(row.ActivityJson);
            text = activity.Text is { Length: > MaxText } full ? full[..MaxText] + "…" : activity.Text;
            attachments = activity.Attachments?.Count ?? 0;
        }
        catch (System.Text.Json.JsonException)
        {
            text = null;
        }

        return new SetAsideMessage(row.Id, row.ChannelId, row.ConversationKey, row.ReceivedAt, row.SetAsideAt!.Value, row.Attempts, row.Overruns, row.LastError, text, attachments);
    }
}
