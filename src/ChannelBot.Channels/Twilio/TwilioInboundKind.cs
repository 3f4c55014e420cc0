namespace ChannelBot.Channels.Twilio;

/// <summary>What a signed inbound webhook turned out to be.</summary>
internal enum TwilioInboundKind
{
    /// <summary>A resident's message, mapped to an activity for the inbox.</summary>
    Message,

    /// <summary>Acknowledged and not stored: a status callback sent to the message URL, or a channel we do not serve.</summary>
    Ignored,

    /// <summary>Signed but unusable (no <c>MessageSid</c> or <c>From</c>): refused with 400.</summary>
    Invalid,
}
