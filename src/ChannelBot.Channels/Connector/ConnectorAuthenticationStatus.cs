namespace ChannelBot.Channels.Connector;

/// <summary>What <see cref="ConnectorAuthenticator"/> concluded about one request.</summary>
internal enum ConnectorAuthenticationStatus
{
    /// <summary>A valid channel or Emulator token for this bot.</summary>
    Authenticated,

    /// <summary>No App ID is configured and the request carried no token: authentication is off.</summary>
    Anonymous,

    /// <summary>The request must be refused with 401.</summary>
    Rejected,

    /// <summary>The token could not be checked because the signing keys could not be fetched (our problem): 503.</summary>
    Unavailable,
}
