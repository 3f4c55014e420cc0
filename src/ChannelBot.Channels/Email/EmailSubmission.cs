using System.Net.Sockets;
using ChannelBot.Application.Outbound;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Hands one composed message to the <see cref="IEmailTransport"/> within the send timeout and says what the outbox
/// makes of the answer — for every email the app sends (residents' receipts and updates, departments' cases): 2xx
/// sent (the Message-ID as the provider's id); a 4xx reply, a refused login, a dropped connection or a timeout are
/// tried again on the outbox's schedule; a 5xx reply (no such mailbox, message refused) fails for good with the
/// server's words. SMTP offers no look-up of what was delivered, so a connection lost after the data was accepted may,
/// rarely, deliver a message twice: each sender makes its Message-ID stable across tries so mail systems can drop the copy.
/// </summary>
internal static class EmailSubmission
{
    public static async Task<SendResult> SendAsync(IEmailTransport transport, MimeMessage message, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await transport.SendAsync(message, deadline.Token).ConfigureAwait(false);
            return SendResult.Sent(message.MessageId);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            return SendResult.Failed($"the mail server refused the message ({(int)exception.StatusCode}: {exception.Message})");
        }
        catch (SmtpCommandException exception)
        {
            return SendResult.Retry($"the mail server asked to try later ({(int)exception.StatusCode}: {exception.Message})");
        }
        catch (AuthenticationException exception)
        {
            EmailLog.LoginRefused(logger, exception.Message);
            return SendResult.Retry("the mail server refused our login (check Email:UserName and Email:Password)");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry($"no answer from the mail server within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception exception) when (exception is SmtpProtocolException or SslHandshakeException or IOException or SocketException)
        {
            return SendResult.Retry($"the mail server could not be reached ({exception.GetType().Name})");
        }
    }
}
