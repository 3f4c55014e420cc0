using ChannelBot.Infrastructure.Persistence;
using ChannelBot.Schema;

namespace ChannelBot.Infrastructure.Cases;

/// <summary>
/// One message of a case's conversation: what the resident wrote (<see cref="Inbound"/>) or what the city wrote to
/// them (<see cref="Outbound"/>, with its delivery), and the activity it carried.
/// </summary>
/// <param name="At">When it arrived (a resident's message) or was written (the city's).</param>
public sealed record CaseConversationMessage(
    DateTimeOffset At,
    string ChannelId,
    Activity Activity,
    InboundActivityRecord? Inbound,
    OutboxMessageRecord? Outbound);
