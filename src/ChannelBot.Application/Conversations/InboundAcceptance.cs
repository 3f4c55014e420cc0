namespace ChannelBot.Application.Conversations;

/// <summary>What became of an inbound activity handed to <see cref="IInboundActivitySink"/>.</summary>
public enum InboundAcceptance
{
    /// <summary>Stored; its turn will run.</summary>
    Accepted,

    /// <summary>Already stored earlier (a redelivery); dropped.</summary>
    Duplicate,

    /// <summary>Not storable (see <see cref="InboundLimits.Problem"/>): the channel answers with its own 4xx.</summary>
    Refused,
}
