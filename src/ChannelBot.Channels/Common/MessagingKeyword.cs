namespace ChannelBot.Channels.Common;

/// <summary>What an inbound text message means for messaging consent (see <see cref="MessagingKeywords"/>).</summary>
public enum MessagingKeyword
{
    /// <summary>An ordinary message.</summary>
    None,

    /// <summary>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT: opted out of every message from us.</summary>
    OptOut,

    /// <summary>START, UNSTOP: opted back in.</summary>
    OptIn,

    /// <summary>
    /// YES: carriers treat it as opting back in on long codes (not on toll-free numbers); for anyone not opted
    /// out it is an ordinary answer, so the application decides.
    /// </summary>
    OptInOnLongCode,

    /// <summary>HELP, INFO: the city's help text (name, phone, "Reply STOP to opt out").</summary>
    Help,

    /// <summary>
    /// A request in the resident's own words to stop being messaged ("please stop texting me"). It must be
    /// honoured like STOP; the application may confirm it with one message.
    /// </summary>
    Revocation,
}
