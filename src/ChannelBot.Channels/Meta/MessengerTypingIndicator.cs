using System.Threading.Channels;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Outbound;
using ChannelBot.Schema;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Shows "typing…" in Messenger while the bot works on a resident's message: the webhook signals each accepted
/// message, and this service posts the <c>typing_on</c> sender action through <see cref="MetaSender"/> (same token,
/// window and opt-out rules) off the webhook's path, so Meta's 200 is never held up. The reply that follows turns it
/// off. Best effort: the queue is bounded (signals beyond it are dropped) and a failed post is only logged.
/// </summary>
internal sealed class MessengerTypingIndicator(MetaSender sender) : BackgroundService
{
    public const int Capacity = 1000;

    private readonly Channel<string> _pending = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Queues a typing indicator for <paramref name="psid"/>; false when the queue is full.</summary>
    public bool Signal(string psid)
    {
        ArgumentException.ThrowIfNullOrEmpty(psid);
        return _pending.Writer.TryWrite(psid);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var psid in _pending.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var typing = new Activity
            {
                Type = ActivityTypes.Typing,
                ChannelId = ChannelIds.Facebook,
                Conversation = new ConversationAccount(psid),
                Recipient = new ChannelAccount(psid),
            };
            await sender.SendAsync(new OutboundMessage(0, ChannelIds.Facebook, ConversationKey.For(ChannelIds.Facebook, psid), typing, 0), stoppingToken).ConfigureAwait(false);
        }
    }
}
