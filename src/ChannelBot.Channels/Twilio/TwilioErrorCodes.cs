namespace ChannelBot.Channels.Twilio;

/// <summary>The Twilio error codes the sender acts on (channels.md §3.2).</summary>
internal static class TwilioErrorCodes
{
    public const int Authentication = 20003;
    public const int TooManyRequests = 20429;
    public const int InvalidTo = 21211;
    public const int OptedOut = 21610;
    public const int NotMobile = 21614;
    public const int Landline = 21635;
    public const int BodyTooLong = 21617;
    public const int BlockedBySender = 63014;
    public const int OutsideWhatsAppWindow = 63016;
}
