namespace ChannelBot.Channels.Twilio;

/// <summary>How an SMS body travels: the GSM 03.38 7-bit alphabet, or UCS-2 once any character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
