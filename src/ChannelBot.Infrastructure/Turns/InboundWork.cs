using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Turns;

/// <summary>A stored inbound activity waiting for its turn.</summary>
/// <param name="Id">The inbound row's id (arrival order).</param>
/// <param name="PreviousAttempts">Failed tries recorded before this process took it (a restart).</param>
/// <param name="PreviousOverruns">Budget overruns recorded before this process took it.</param>
internal sealed record InboundWork(long Id, string ConversationKey, Activity Activity, int PreviousAttempts = 0, int PreviousOverruns = 0);
