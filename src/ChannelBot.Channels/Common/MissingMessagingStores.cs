using ChannelBot.Application.Messaging;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Common;

/// <summary>
/// Stand-in for the application's consent store, delivery log and last-inbound look-up when it registers none: every call throws, so
/// nothing is sent to an address whose consent cannot be checked (the outbox retries later) and no keyword is
/// acknowledged without being recorded. The application's registration replaces it.
/// </summary>
internal sealed class MissingMessagingStores : IMessagingConsent, IDeliveryStatusLog, ILastInboundLookup, IOutboxResends
{
    private const string Message = "No IMessagingConsent/IDeliveryStatusLog/ILastInboundLookup/IOutboxResends is registered (AddInfrastructure registers them).";

    public Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<DeliveryReportOutcome> RecordAsync(DeliveryReport report, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<string?> FindProviderMessageIdAsync(long outboxId, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<IReadOnlySet<string>> ClaimedByOthersAsync(long outboxId, IReadOnlyCollection<string> providerMessageIds, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<DateTimeOffset?> LastInboundAtAsync(string conversationKey, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<Activity?> FindActivityAsync(long outboxId, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);

    public Task<long?> ResendAsync(long outboxId, Activity activity, CancellationToken cancellationToken) => throw new InvalidOperationException(Message);
}
