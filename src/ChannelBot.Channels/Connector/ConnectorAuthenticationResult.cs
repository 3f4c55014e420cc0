namespace ChannelBot.Channels.Connector;

/// <summary>
/// The verdict on one inbound request. <see cref="Reason"/> says why, for the log only: it is never sent back.
/// <see cref="Issuer"/> names the path that validated the token (<c>channel</c> or <c>emulator</c>).
/// </summary>
internal sealed record ConnectorAuthenticationResult(ConnectorAuthenticationStatus Status, string Reason, string? Issuer = null)
{
    public const string ChannelPath = "channel";
    public const string EmulatorPath = "emulator";

    public static ConnectorAuthenticationResult Anonymous { get; } = new(ConnectorAuthenticationStatus.Anonymous, "authentication is off (no App ID configured)");

    public static ConnectorAuthenticationResult Valid(string path) => new(ConnectorAuthenticationStatus.Authenticated, $"valid {path} token", path);

    public static ConnectorAuthenticationResult Reject(string reason) => new(ConnectorAuthenticationStatus.Rejected, reason);

    public static ConnectorAuthenticationResult Unavailable(string reason) => new(ConnectorAuthenticationStatus.Unavailable, reason);
}
