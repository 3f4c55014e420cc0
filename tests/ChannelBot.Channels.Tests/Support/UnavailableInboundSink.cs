using ChannelBot.Application.Conversations;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>An inbound store that is down: every activity handed to it fails.</summary>
public sealed class UnavailableInboundSink : IInboundActivitySink
{
    public Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The database is unreachable.");
}
