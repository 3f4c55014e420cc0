using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// <see cref="IMessengerWindows"/> that survives a restart: the resident's last message is read from the
/// conversation store (<c>Conversations.LastInboundAt</c>, which the turn pipeline sets, through
/// <see cref="ILastInboundLookup"/>), and the later of that and what this process saw (a webhook event the turn
/// has not reached yet) counts.
/// </summary>
internal sealed class DurableMessengerWindows(InMemoryMessengerWindows recent, ILastInboundLookup store) : IMessengerWindows
{
    public Task RecordInboundAsync(string psid, DateTimeOffset at, CancellationToken cancellationToken) =>
        recent.RecordInboundAsync(psid, at, cancellationToken);

    public async Task<DateTimeOffset?> LastInboundAsync(string psid, CancellationToken cancellationToken)
    {
        var seen = await recent.LastInboundAsync(psid, cancellationToken).ConfigureAwait(false);
        var stored = await store.LastInboundAtAsync(ConversationKey.For(ChannelIds.Facebook, psid), cancellationToken).ConfigureAwait(false);
        return (seen, stored) switch
        {
            ({ } a, { } b) => a > b ? a : b,
            _ => seen ?? stored,
        };
    }
}
