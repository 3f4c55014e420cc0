using ChannelBot.Schema;

namespace ChannelBot.Application.Outbound;

/// <summary>One outbox row on its way out: the activity to send and how many times sending was tried before.</summary>
/// <param name="Id">The outbox row id: stable across retries, usable as an idempotency key.</param>
public sealed record OutboundMessage(long Id, string ChannelId, string ConversationKey, Activity Activity, int PreviousAttempts)
{
    /// <summary>
    /// An earlier try may have reached the provider though none is recorded (the instance sending it stopped or died
    /// mid-send): a sender that can ask its provider whether the message exists does so before sending it again.
    /// </summary>
    public bool MayHaveBeenSent { get; init; }

    /// <summary>True when the provider should be asked first: an earlier try failed, or one may have happened unrecorded.</summary>
    public bool TriedBefore => PreviousAttempts > 0 || MayHaveBeenSent;
}
