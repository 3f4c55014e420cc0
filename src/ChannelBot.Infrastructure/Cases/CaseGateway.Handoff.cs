using ChannelBot.Application.Conversations;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>The handoff effects: the conversation's place in line for an operator, written with the turn.</summary>
internal sealed partial class CaseGateway
{
    public const string EndedByResident = "resident";

    public async Task JoinHandoffQueueAsync(Activity inbound, JoinHandoffQueue join, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(join);
        var key = KeyOf(inbound);
        var open = db.Handoffs.Local.Any(h => h.ConversationKey == key && h.EndedAt == null)
            || await db.Handoffs.AnyAsync(h => h.ConversationKey == key && h.EndedAt == null, cancellationToken).ConfigureAwait(false);
        if (!open)
        {
            db.Handoffs.Add(new HandoffRecord
            {
                ConversationKey = key,
                ChannelId = inbound.ChannelId!,
                Language = join.Language,
                Reason = join.Reason,
                RequestedAt = clock.GetUtcNow(),
            });
        }
    }

    public async Task LeaveHandoffQueueAsync(Activity inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var key = KeyOf(inbound);
        var now = clock.GetUtcNow();
        foreach (var added in db.Handoffs.Local.Where(h => h.ConversationKey == key && h.EndedAt == null))
        {
            added.EndedAt = now;
            added.EndedBy = EndedByResident;
        }

        // Staff's "return to bot" has already ended it (and named the operator): then this changes nothing.
        await db.Handoffs
            .Where(h => h.ConversationKey == key && h.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.EndedAt, now).SetProperty(h => h.EndedBy, EndedByResident), cancellationToken)
            .ConfigureAwait(false);
    }

    private static string KeyOf(Activity inbound) => ConversationKey.For(inbound.ChannelId!, inbound.Conversation!.Id!);
}
