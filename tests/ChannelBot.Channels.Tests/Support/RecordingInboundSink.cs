using System.Collections.Concurrent;
using ChannelBot.Application.Conversations;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>The application's inbound port, reduced to a list: records what it is handed, reports redeliveries.</summary>
public sealed class RecordingInboundSink : IInboundActivitySink
{
    private readonly ConcurrentQueue<Activity> _received = new();
    private readonly ConcurrentDictionary<string, bool> _keys = new(StringComparer.Ordinal);

    public IReadOnlyList<Activity> Received => [.. _received];

    public Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        _received.Enqueue(activity);
        var isNew = _keys.TryAdd($"{activity.ChannelId}/{activity.Id}", true);
        return Task.FromResult(isNew ? InboundAcceptance.Accepted : InboundAcceptance.Duplicate);
    }
}
