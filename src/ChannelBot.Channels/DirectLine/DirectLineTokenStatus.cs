namespace ChannelBot.Channels.DirectLine;

/// <summary>What a presented token turned out to be.</summary>
internal enum DirectLineTokenStatus
{
    /// <summary>Signed by us, of the right kind, not expired.</summary>
    Valid,

    /// <summary>Signed by us but past its expiry: the client must get a new one (403).</summary>
    Expired,

    /// <summary>Not a token of ours, tampered with, or of the wrong kind (403).</summary>
    Invalid,
}
