using ChannelBot.Application.Conversations;
using ChannelBot.Application.Notifications;
using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>The facts the notification policy decides on that come from storage: last messages and opt-outs per address.</summary>
internal sealed partial class CaseNotifier
{
    /// <summary>The resident's last message on their own channel and, for the addresses they gave, on SMS and WhatsApp.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> LastInboundAsync(ChannelBotDbContext db, NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        if (recipient.ConversationId is { } own)
        {
            keys[ConversationKey.For(recipient.ChannelId, own)] = recipient.ChannelId;
        }

        if (recipient.Phone is { } phone)
        {
            keys.TryAdd(ConversationKey.For(ChannelIds.WhatsApp, "whatsapp:" + phone), ChannelIds.WhatsApp);
        }

        var lookup = keys.Keys.ToList();
        var found = await db.Conversations.AsNoTracking()
            .Where(c => lookup.Contains(c.Key) && c.LastInboundAt != null)
            .Select(c => new { c.Key, c.LastInboundAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var conversation in found)
        {
            last.TryAdd(keys[conversation.Key], conversation.LastInboundAt!.Value);
        }

        return last;
    }

    private async Task<HashSet<string>> OptedOutAsync(NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        var addresses = new List<(string Channel, string Address)>();
        if (recipient.ConversationId is { } own)
        {
            addresses.Add((recipient.ChannelId, own));
        }

        if (recipient.Phone is { } phone)
        {
            addresses.Add((ChannelIds.Sms, phone));
            addresses.Add((ChannelIds.WhatsApp, phone));
        }

        if (recipient.Email is { } email)
        {
            addresses.Add((NotificationChannels.Email, email));
        }

        var optedOut = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (channel, address) in addresses)
        {
            var asSent = channel == ChannelIds.WhatsApp && address == recipient.Phone ? "whatsapp:" + address : address;
            if (await consent.IsOptedOutAsync(channel, asSent, cancellationToken).ConfigureAwait(false))
            {
                optedOut.Add(NotificationFacts.Key(channel, address));
            }
        }

        return optedOut;
    }
}
