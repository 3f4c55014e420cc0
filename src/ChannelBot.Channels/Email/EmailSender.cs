using ChannelBot.Application.Logging;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Sends <c>email</c> activities (status updates to an address the resident gave) over SMTP with MailKit: connect
/// with the configured TLS mode, log in when a user is set, send, disconnect — one connection per message, which
/// is plenty for status updates (<see cref="IEmailTransport"/>: <see cref="SmtpEmailTransport"/>). An opted-out address
/// is never written to (<see cref="OptOutGate"/>, asked just before the message goes), and every message carries its
/// address's unsubscribe link (<see cref="EmailUnsubscribeLink"/>): without the settings for it nothing is sent.
/// <para>
/// Answers (<see cref="EmailSubmission"/>): 2xx sent; a 4xx reply, a refused login, a dropped connection or a timeout
/// are retried by the outbox (its backoff); a 5xx reply fails for good with the server's words. The Message-ID made
/// from the outbox row lets mail systems drop the copy a lost answer may cause.
/// </para>
/// </summary>
public sealed class EmailSender : IChannelSender, INotificationChannel
{
    private readonly IOptionsMonitor<EmailOptions> _options;
    private readonly IEmailTransport _transport;
    private readonly OptOutGate _optOuts;
    private readonly EmailUnsubscribeToken _tokens;
    private readonly ILogger<EmailSender> _logger;

    internal EmailSender(IOptionsMonitor<EmailOptions> options, IEmailTransport transport, OptOutGate optOuts, EmailUnsubscribeToken tokens, ILogger<EmailSender> logger)
    {
        _options = options;
        _transport = transport;
        _optOuts = optOuts;
        _tokens = tokens;
        _logger = logger;
    }

    public string ChannelId => NotificationChannels.Email;

    /// <summary>True when the transport can deliver (an SMTP host is configured).</summary>
    public bool IsAvailable => _transport.IsAvailable;

    /// <summary><c>email</c>, when <see cref="IsAvailable"/>.</summary>
    public bool Handles(string channelId) =>
        string.Equals(channelId, NotificationChannels.Email, StringComparison.Ordinal) && IsAvailable;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = EmailComposer.AddressOf(message.Activity);
        var to = LogMask.Id(address);
        var options = _options.CurrentValue;
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl) || !_tokens.IsConfigured)
        {
            return Fail(message, to, "no unsubscribe link can be made: set Email:PublicBaseUrl and Email:UnsubscribeSecret");
        }

        if ((string.IsNullOrEmpty(address) ? null : _tokens.Create(address)) is not { } token)
        {
            return Fail(message, to, "the activity has no valid email address in recipient.id");
        }

        var link = EmailUnsubscribeLink.For(options.PublicBaseUrl, token, message.Activity.Locale);
        if (!EmailComposer.TryCompose(message.Id, message.Activity, options, link, out var mime, out var invalid))
        {
            return Fail(message, to, invalid!);
        }

        if (await _optOuts.RefusalAsync(NotificationChannels.Email, address!, message.Activity, cancellationToken).ConfigureAwait(false) is { } optedOut)
        {
            return Fail(message, to, optedOut);
        }

        var result = await EmailSubmission.SendAsync(_transport, mime!, options.SendTimeout, _logger, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                EmailLog.Sent(_logger, message.Id, to);
                break;
            case SendOutcome.RetryLater:
                EmailLog.SendRetry(_logger, message.Id, to, result.Error!);
                break;
            default:
                EmailLog.SendFailed(_logger, message.Id, to, result.Error!);
                break;
        }

        return result;
    }

    private SendResult Fail(OutboundMessage message, string to, string error)
    {
        EmailLog.SendFailed(_logger, message.Id, to, error);
        return SendResult.Failed(error);
    }
}
