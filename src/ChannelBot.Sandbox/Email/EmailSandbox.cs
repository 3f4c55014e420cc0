using ChannelBot.Channels.Email;

namespace ChannelBot.Sandbox.Email;

/// <summary>
/// The local stand-in for an SMTP server (Development only): it takes over when the host environment is
/// <c>Development</c> and no <see cref="EmailOptions.Host"/> is configured. The email channel then delivers through
/// <see cref="EmailSandboxTransport"/>, which keeps each message in <see cref="EmailSandboxStore"/>, shown by
/// <c>GET /sandbox/email/messages?to=…</c>.
/// </summary>
public static class EmailSandbox
{
    /// <summary><c>GET /sandbox/email/messages?to=ana@example.org</c>: what that address received, oldest first.</summary>
    public const string ReceivedPath = "/sandbox/email/messages";

    /// <summary>The key of the unsubscribe links while the sandbox keeps the mail (Development only; never a real key).</summary>
    public const string DevelopmentUnsubscribeSecret = "channelbot-development-email-unsubscribe-key";

    /// <summary>True when the sandbox keeps the messages instead of a mail server.</summary>
    public static bool TakesOver(IHostEnvironment environment, EmailOptions configured)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configured);
        return environment.IsDevelopment() && string.IsNullOrWhiteSpace(configured.Host);
    }
}
