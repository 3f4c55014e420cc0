using System.Globalization;
using ChannelBot.Application.Logging;
using ChannelBot.Application.Outbound;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Turns Twilio's answer to <c>POST Messages.json</c> into a verdict (channels.md §3.2). Pure.
/// <list type="table">
/// <item><term>2xx with a sid</term><description>sent.</description></item>
/// <item><term>21610, 63014</term><description>the resident opted out (STOP) or blocked us: failed for good, and the
/// address is recorded as opted out.</description></item>
/// <item><term>21211, 21614, 21635</term><description>the address cannot take SMS: failed for good.</description></item>
/// <item><term>63016</term><description>WhatsApp outside the 24-hour window: only an approved template may go. Failed
/// (the sender then sends the notification's template once, if it has one).</description></item>
/// <item><term>429 / 20429</term><description>Twilio did not take the request: retry later, after
/// <c>Retry-After</c> when given.</description></item>
/// <item><term>401 / 20003</term><description>our credentials are refused: retried later (a configuration problem
/// that outlives the message only if nobody fixes it).</description></item>
/// <item><term>5xx</term><description>retry later; the request may have reached Twilio, so the next try reconciles
/// before it sends again.</description></item>
/// <item><term>any other 4xx</term><description>failed for good.</description></item>
/// </list>
/// </summary>
internal static class TwilioSendClassifier
{
    /// <summary>In the error of a 63016: the sender recognises it by this.</summary>
    public const string OutsideWindowMarker = "outside the 24-hour WhatsApp window";

    public static TwilioSendVerdict Classify(int httpStatus, TwilioMessageResource? created, TwilioApiError? error, TimeSpan? retryAfter)
    {
        if (httpStatus is >= 200 and < 300)
        {
            return created?.Sid is { Length: > 0 } sid
                ? new TwilioSendVerdict(SendResult.Sent(sid))
                : new TwilioSendVerdict(SendResult.Retry($"Twilio answered {httpStatus} without a message sid; reconciling before a resend"));
        }

        var code = error?.Code;
        var description = Describe(httpStatus, error);
        return code switch
        {
            TwilioErrorCodes.OptedOut or TwilioErrorCodes.BlockedBySender =>
                new TwilioSendVerdict(SendResult.Failed(description + "; the address has opted out and is never messaged again until it opts in"), OptedOut: true),
            TwilioErrorCodes.InvalidTo or TwilioErrorCodes.NotMobile or TwilioErrorCodes.Landline =>
                new TwilioSendVerdict(SendResult.Failed(description + "; the address is unreachable by this channel")),
            TwilioErrorCodes.OutsideWhatsAppWindow =>
                new TwilioSendVerdict(SendResult.Failed(description + "; " + OutsideWindowMarker + ", only an approved template can be sent")),
            TwilioErrorCodes.TooManyRequests =>
                new TwilioSendVerdict(SendResult.Throttle(description, retryAfter)),
            _ when httpStatus == 429 =>
                new TwilioSendVerdict(SendResult.Throttle(description, retryAfter)),
            _ when httpStatus == 401 || code == TwilioErrorCodes.Authentication =>
                new TwilioSendVerdict(SendResult.Retry(description + "; Twilio refuses the account's credentials", retryAfter)),
            _ when httpStatus >= 500 =>
                new TwilioSendVerdict(SendResult.Retry(description + "; the message may have been created, the next try reconciles first", retryAfter)),
            _ => new TwilioSendVerdict(SendResult.Failed(description)),
        };
    }

    private static string Describe(int httpStatus, TwilioApiError? error)
    {
        var text = $"Twilio answered {httpStatus.ToString(CultureInfo.InvariantCulture)}";
        if (error?.Code is { } code)
        {
            text += $" error {code.ToString(CultureInfo.InvariantCulture)}";
        }

        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            // Twilio's messages name the number they refused: masked, as the description goes to logs.
            var message = LogMask.Text(error.Message);
            text += ": " + (message.Length > 200 ? message[..200] + "…" : message);
        }

        return text;
    }
}
