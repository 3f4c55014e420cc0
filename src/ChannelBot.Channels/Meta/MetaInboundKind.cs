namespace ChannelBot.Channels.Meta;

/// <summary>What one messaging event of a webhook batch is.</summary>
internal enum MetaInboundKind
{
    /// <summary>A resident's message or postback: it goes to the inbox.</summary>
    Message,

    /// <summary>An echo of a message our Page sent: ignored.</summary>
    Echo,

    /// <summary>A delivery receipt for our messages.</summary>
    Delivery,

    /// <summary>A read receipt for our messages.</summary>
    Read,

    /// <summary>An event this bot does not act on (opt-ins, referrals, reactions, another Page's events…): acknowledged, not stored.</summary>
    Ignored,

    /// <summary>An event missing what it needs (no sender, no mid): acknowledged and logged, not stored.</summary>
    Invalid,
}
