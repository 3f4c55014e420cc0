namespace ChannelBot.Application.Messaging;

/// <summary>
/// Who must not be messaged: opt-outs kept per channel and address (an E.164 number on <c>sms</c>, a
/// <c>whatsapp:</c> id on <c>whatsapp</c>). Every sender asks before it sends; keyword handling and provider
/// errors (Twilio 21610, 63014) record changes.
/// </summary>
public interface IMessagingConsent
{
    Task<bool> IsOptedOutAsync(string channelId, string address, CancellationToken cancellationToken);

    /// <summary>
    /// Records an opt-out or opt-in. When the address's state changes and <see cref="ConsentChange.Confirmation"/>
    /// is set, the confirmation is queued for sending in the same transaction (so a redelivered keyword, or a
    /// second STOP, never confirms twice).
    /// </summary>
    /// <returns>True when the state changed.</returns>
    Task<bool> RecordAsync(ConsentChange change, CancellationToken cancellationToken);
}
