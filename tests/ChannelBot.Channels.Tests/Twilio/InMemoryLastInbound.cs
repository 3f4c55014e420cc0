using System.Collections.Concurrent;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>When each conversation's resident last wrote, set by the test.</summary>
public sealed class InMemoryLastInbound : ILastInboundLookup
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    public void Wrote(string channelId, string address, DateTimeOffset at) => _last[ConversationKey.For(channelId, address)] = at;

    public Task<DateTimeOffset?> LastInboundAtAsync(string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_last.TryGetValue(conversationKey, out var at) ? at : (DateTimeOffset?)null);
}
