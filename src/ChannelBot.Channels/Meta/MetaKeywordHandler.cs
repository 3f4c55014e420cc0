using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Acts on a consent keyword in a Messenger message before the dialog can see it. Messenger has no platform
/// keyword handling, so we always answer (channels.md §0.9):
/// <list type="bullet">
/// <item>STOP and its family, or a revocation in the resident's words: the PSID is opted out of <c>facebook</c>;
/// one confirmation goes out when the state changed. The dialog never sees it.</item>
/// <item>START, UNSTOP from an opted-out resident: opted in and confirmed. From anyone else it is an ordinary
/// message.</item>
/// </list>
/// </summary>
internal sealed class MetaKeywordHandler(IMessagingConsent consent, IOptions<MetaOptions> options, TimeProvider timeProvider)
{
    private readonly MetaOptions _options = options.Value;

    /// <returns>True when the message is handled here and must not reach the dialog.</returns>
    public async Task<bool> HandleAsync(Activity activity, MessagingKeyword keyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var address = activity.From!.Id!;
        var now = timeProvider.GetUtcNow();
        var source = "keyword:" + (MessagingKeywords.NameOf(keyword) ?? "none") + " " + activity.Id;
        switch (keyword)
        {
            case MessagingKeyword.OptOut:
            case MessagingKeyword.Revocation:
                await consent.RecordAsync(
                    new ConsentChange(ChannelIds.Facebook, address, OptedOut: true, source, now, ConsentConfirmations.ReplyTo(activity, _options.OptOutConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return true;

            case MessagingKeyword.OptIn:
                if (!await consent.IsOptedOutAsync(ChannelIds.Facebook, address, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await consent.RecordAsync(
                    new ConsentChange(ChannelIds.Facebook, address, OptedOut: false, source, now, ConsentConfirmations.ReplyTo(activity, _options.OptInConfirmation, now), activity.Id),
                    cancellationToken).ConfigureAwait(false);
                return true;

            default:
                return false;
        }
    }
}
