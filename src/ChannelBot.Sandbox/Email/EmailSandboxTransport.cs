using ChannelBot.Application.Logging;
using ChannelBot.Channels.Email;
using MimeKit;

namespace ChannelBot.Sandbox.Email;

/// <summary>
/// The email channel's transport while the sandbox stands in for the mail server: each message is kept in
/// <see cref="EmailSandboxStore"/> (in memory) instead of being sent.
/// </summary>
internal sealed class EmailSandboxTransport(EmailSandboxStore store, TimeProvider timeProvider, ILogger<EmailSandboxTransport> logger) : IEmailTransport
{
    public bool IsAvailable => true;

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var to = message.To.Mailboxes.FirstOrDefault()?.Address ?? string.Empty;
        store.Add(new EmailSandboxMessage(to, message.From.ToString(), message.Subject ?? string.Empty, message.TextBody ?? string.Empty, timeProvider.GetUtcNow(), message.Headers[HeaderId.ListUnsubscribe]));
        EmailSandboxLog.Kept(logger, LogMask.Id(to));
        return Task.CompletedTask;
    }
}
