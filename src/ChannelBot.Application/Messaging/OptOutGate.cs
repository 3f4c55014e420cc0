using ChannelBot.Schema;

namespace ChannelBot.Application.Messaging;

/// <summary>
/// The send-time consent check, the one every sender asks before it transmits: an address that opted out is never
/// messaged, except for the confirmation of that opt-out (<see cref="ConsentConfirmation"/>). Where an update is
/// routed was decided earlier by the notification policy; this is the last word, taken when the message goes,
/// because a resident may opt out between the two.
/// </summary>
public sealed class OptOutGate(IMessagingConsent consent)
{
    /// <summary>Why <paramref name="activity"/> may not go to <paramref name="address"/> on <paramref name="channelId"/>; null when it may.</summary>
    public async Task<string?> RefusalAsync(string channelId, string address, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ConsentConfirmation.IsConfirmation(activity))
        {
            return null;
        }

        return await consent.IsOptedOutAsync(channelId, address, cancellationToken).ConfigureAwait(false)
            ? $"the address has opted out of {channelId} messages; not sent"
            : null;
    }
}
