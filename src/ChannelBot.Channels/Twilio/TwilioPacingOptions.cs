namespace ChannelBot.Channels.Twilio;

/// <summary>How fast messages are handed to Twilio (configuration section <c>Twilio:Pacing</c>).</summary>
public sealed class TwilioPacingOptions
{
    public const string SectionName = "Twilio:Pacing";

    /// <summary>
    /// The account's sending rate (messages per second: 1 for a US long code, more for a Messaging Service with a
    /// pool or a short code). Sends wait for their turn instead of running into 429s, which would turn a burst of
    /// notifications into minutes of back-off. Unset: no pacing.
    /// </summary>
    public double? MessagesPerSecond { get; set; }
}
