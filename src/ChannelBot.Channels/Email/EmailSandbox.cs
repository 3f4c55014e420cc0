using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// The local stand-in for an SMTP server (Development only): active when the host environment is
/// <c>Development</c> and no <see cref="EmailOptions.Host"/> is configured. The sender then keeps each message in
/// <see cref="EmailSandboxStore"/>, shown by <c>GET /sandbox/email/messages?to=…</c>. In any other environment it
/// is never active and its route is not mapped.
/// </summary>
public sealed class EmailSandbox(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    /// <summary><c>GET /sandbox/email/messages?to=ana@example.org</c>: what that address received, oldest first.</summary>
    public const string ReceivedPath = "/sandbox/email/messages";

    /// <summary>True in the Development environment: the sandbox route exists.</summary>
    public bool IsDevelopment { get; } = environment.IsDevelopment();

    /// <summary>True when the sender keeps messages here instead of sending them.</summary>
    public bool IsActive { get; } = environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.Value.Host);
}
