using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Schema;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>An inbox that records what it stores, or, while <see cref="Failing"/>, cannot store anything.</summary>
public sealed class SwitchableInboundSink : IInboundActivitySink
{
    public RecordingInboundSink Inner { get; } = new();

    public bool Failing { get; set; }

    public Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken) =>
        Failing ? throw new InboxUnavailableException("the database is unreachable") : Inner.AcceptAsync(activity, cancellationToken);
}
