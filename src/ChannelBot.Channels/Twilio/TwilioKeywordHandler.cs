using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Acts on a consent keyword before the dialog can see it (docs/adr/0004-sms-opt-out-keywords.md):
/// <list type="bullet">
/// <item>STOP and its family, or a revocation in the resident's words: the address is opted out on its channel. One
/// confirmation goes out, only when the state changed, and only where nobody else answers: on WhatsApp, for a
/// revocation phrase (Twilio does not know it), or on SMS when Twilio's own keyword replies are off
/// (<see cref="TwilioOptions.TwilioAnswersSmsKeywords"/>). The dialog never sees it.</item>
/// <item>START, UNSTOP (and YES on SMS from an opted-out address): opted in, confirmed the same way. A START from
/// someone who was never opted out is, on WhatsApp, an ordinary message.</item>
/// <item>HELP, INFO on SMS while Twilio answers them: Twilio's help text is the answer; the dialog's would be a
/// second one. Elsewhere HELP reaches the dialog, whose help interrupt answers it.</item>
/// </list>
/// </summary>
internal sealed class TwilioKeywordHandler(IMessagingConsent consent, IOptions<TwilioOptions> options, TimeProvider timeProvider)
{
    private readonly TwilioOptions _options = options.Value;

    /// <returns>True when the message is handled here and must not reach the dialog.</returns>
    public async Task<bool> HandleAsync(Activity activity, MessagingKeyword keyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelId = activity.ChannelId!;
        var address = activity.From!.Id!;
        var isSms = channelId == ChannelIds.Sms;
        var twilioAnswers = isSms && _options.TwilioAnswersSmsKeywords;
        var now = timeProvider.GetUtcNow();
        var source = "keyword:" + (MessagingKeywords.NameOf(keyword) ?? "none") + " " + activity.Id;

        switch (keyword)
        {
            case MessagingKeyword.OptOut:
                await consent.RecordAsync(
                    new ConsentChange(channelId, address, OptedOut: true, source, now, twilioAnswers ? null : Confirm(activity, _options.OptOutConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return true;

            case MessagingKeyword.Revocation:
                await consent.RecordAsync(
                    new ConsentChange(channelId, address, OptedOut: true, source, now, Confirm(activity, _options.OptOutConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return true;

            case MessagingKeyword.OptIn:
                var optedIn = await consent.RecordAsync(
                    new ConsentChange(channelId, address, OptedOut: false, source, now, twilioAnswers ? null : Confirm(activity, _options.OptInConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return optedIn || twilioAnswers;

            case MessagingKeyword.OptInOnLongCode when isSms:
                if (!await consent.IsOptedOutAsync(channelId, address, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await consent.RecordAsync(
                    new ConsentChange(channelId, address, OptedOut: false, source, now, twilioAnswers ? null : Confirm(activity, _options.OptInConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return true;

            case MessagingKeyword.Help:
                return twilioAnswers;

            default:
                return false;
        }
    }

    private static Activity Confirm(Activity inbound, string text, DateTimeOffset now) => ConsentConfirmations.ReplyTo(inbound, text, now);
}
