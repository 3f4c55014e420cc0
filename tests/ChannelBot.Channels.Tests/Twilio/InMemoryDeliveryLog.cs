using System.Collections.Concurrent;
using ChannelBot.Application.Messaging;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>The delivery status log reduced to a list and a map of known sids per outbox row.</summary>
public sealed class InMemoryDeliveryLog : IDeliveryStatusLog
{
    private readonly ConcurrentQueue<DeliveryReport> _reports = new();
    private readonly ConcurrentDictionary<long, string> _sids = new();

    public IReadOnlyList<DeliveryReport> Reports => [.. _reports];

    public void Know(long outboxId, string sid) => _sids[outboxId] = sid;

    public Task<DeliveryReportOutcome> RecordAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        _reports.Enqueue(report);
        if (report.OutboxId is { } id)
        {
            _sids.TryAdd(id, report.ProviderMessageId);
        }

        return Task.FromResult(DeliveryReportOutcome.Applied);
    }

    public Task<string?> FindProviderMessageIdAsync(long outboxId, CancellationToken cancellationToken) =>
        Task.FromResult(_sids.TryGetValue(outboxId, out var sid) ? sid : null);

    public Task<IReadOnlySet<string>> ClaimedByOthersAsync(long outboxId, IReadOnlyCollection<string> providerMessageIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(_sids.Where(s => s.Key != outboxId && providerMessageIds.Contains(s.Value)).Select(s => s.Value).ToHashSet(StringComparer.Ordinal));
}
