using System.Net.Sockets;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Sends <c>email</c> activities (status updates to an address the resident gave) over SMTP with MailKit: connect
/// with the configured TLS mode, log in when a user is set, send, disconnect — one connection per message, which
/// is plenty for status updates (<see cref="IEmailTransport"/>: <see cref="SmtpEmailTransport"/>). An opted-out address
/// is never written to.
/// <para>
/// Answers: 2xx sent; a 4xx reply, a refused login, a dropped connection or a timeout are retried by the outbox
/// (its backoff); a 5xx reply (no such mailbox, message refused) fails for good with the server's words. SMTP
/// offers no look-up of what was delivered, so a connection lost after the data was accepted may, rarely, send a
/// message twice (the Message-ID made from the outbox row lets mail systems drop the copy).
/// </para>
/// </summary>
public sealed class EmailSender(
    IOptions<EmailOptions> options,
    IEmailTransport transport,
    OptOutGate optOuts,
    ILogger<EmailSender> logger) : IChannelSender, INotificationChannel
{
    private readonly EmailOptions _options = options.Value;

    public string ChannelId => NotificationChannels.Email;

    /// <summary>True when the transport can deliver (an SMTP host is configured).</summary>
    public bool IsAvailable => transport.IsAvailable;

    /// <summary><c>email</c>, when <see cref="IsAvailable"/>.</summary>
    public bool Handles(string channelId) =>
        string.Equals(channelId, NotificationChannels.Email, StringComparison.Ordinal) && IsAvailable;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = EmailComposer.AddressOf(message.Activity);
        var to = LogMask.Id(address);
        if (!EmailComposer.TryCompose(message.Id, message.Activity, _options, out var mime, out var invalid))
        {
            return Fail(message, to, invalid!);
        }

        if (await optOuts.RefusalAsync(NotificationChannels.Email, address!, message.Activity, cancellationToken).ConfigureAwait(false) is { } optedOut)
        {
            return Fail(message, to, optedOut);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        try
        {
            await transport.SendAsync(mime!, timeout.Token).ConfigureAwait(false);
            EmailLog.Sent(logger, message.Id, to);
            return SendResult.Sent(mime!.MessageId);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            return Fail(message, to, $"the mail server refused the message ({(int)exception.StatusCode}: {exception.Message})");
        }
        catch (SmtpCommandException exception)
        {
            return Retry(message, to, $"the mail server asked to try later ({(int)exception.StatusCode}: {exception.Message})");
        }
        catch (AuthenticationException exception)
        {
            EmailLog.LoginRefused(logger, exception.Message);
            return Retry(message, to, "the mail server refused our login (check Email:UserName and Email:Password)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Retry(message, to, $"no answer from the mail server within {_options.SendTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is SmtpProtocolException or SslHandshakeException or IOException or SocketException)
        {
            return Retry(message, to, $"the mail server could not be reached ({exception.GetType().Name})");
        }
    }

    private SendResult Fail(OutboundMessage message, string to, string error)
    {
        EmailLog.SendFailed(logger, message.Id, to, error);
        return SendResult.Failed(error);
    }

    private SendResult Retry(OutboundMessage message, string to, string error)
    {
        EmailLog.SendRetry(logger, message.Id, to, error);
        return SendResult.Retry(error);
    }
}
