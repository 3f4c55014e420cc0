using ChannelBot.Application.Outbound;

namespace ChannelBot.Channels.Meta;

/// <summary>What a Send API answer means: the result for the outbox, and whether our Page token was refused (an alert).</summary>
internal sealed record MetaSendVerdict(SendResult Result, bool TokenRejected = false);
