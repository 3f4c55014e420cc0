using ChannelBot.Schema;

namespace ChannelBot.Application.Messaging;

/// <summary>
/// Sends a message again in another form after the provider refused it late (a WhatsApp status callback with
/// 63016: the window was closed, so the notification goes again as its approved template).
/// </summary>
public interface IOutboxResends
{
    /// <summary>The activity of outbox row <paramref name="outboxId"/>, or null when there is no such row.</summary>
    Task<Activity?> FindActivityAsync(long outboxId, CancellationToken cancellationToken);

    /// <summary>
    /// Queues <paramref name="activity"/> as a new message of the same conversation and case as row
    /// <paramref name="outboxId"/>, to be sent at once; returns the new row's id, or null when that row is gone.
    /// </summary>
    Task<long?> ResendAsync(long outboxId, Activity activity, CancellationToken cancellationToken);
}
