namespace ChannelBot.Channels.Twilio;

/// <summary>The size of an SMS body: its encoding, its length in that encoding's units, and the segments it takes.</summary>
/// <param name="Units">GSM-7 septets (an extension character counts 2) or UTF-16 code units.</param>
public sealed record SmsSize(SmsEncoding Encoding, int Units, int Segments);
