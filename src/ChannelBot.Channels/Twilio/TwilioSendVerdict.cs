using ChannelBot.Application.Outbound;

namespace ChannelBot.Channels.Twilio;

/// <summary>What a Twilio answer means: the result for the outbox, and whether the address is now opted out.</summary>
internal sealed record TwilioSendVerdict(SendResult Result, bool OptedOut = false);
