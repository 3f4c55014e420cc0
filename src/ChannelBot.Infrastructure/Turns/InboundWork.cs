using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>A stored inbound activity waiting for its turn.</summary>
/// <param name="Id">The inbound row's id (arrival order).</param>
internal sealed record InboundWork(long Id, string ConversationKey, Activity Activity, int PreviousAttempts = 0);
