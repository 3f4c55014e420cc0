using MimeKit;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Where <see cref="EmailSender"/> hands a composed message: the SMTP server (<see cref="SmtpEmailTransport"/>, the
/// one registered by <c>AddEmailChannel</c>) unless the host registers another. The sender keeps every decision
/// (consent, composing, timeouts, what an error means); a transport only delivers.
/// </summary>
public interface IEmailTransport
{
    /// <summary>True when this transport can deliver (for SMTP: a host is configured).</summary>
    bool IsAvailable { get; }

    /// <summary>
    /// Delivers <paramref name="message"/>. Failures are MailKit's: <c>SmtpCommandException</c> (the server's reply),
    /// <c>AuthenticationException</c>, <c>SmtpProtocolException</c>, <c>SslHandshakeException</c>, <c>IOException</c>,
    /// <c>SocketException</c>, or cancellation.
    /// </summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
