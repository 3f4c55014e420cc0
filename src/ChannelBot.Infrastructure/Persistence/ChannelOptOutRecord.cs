namespace ChannelBot.Infrastructure.Persistence;

/// <summary>
/// The messaging consent of one address on one channel (an E.164 number on <c>sms</c>, a <c>whatsapp:</c> id on
/// <c>whatsapp</c>). A row exists once the address has opted out; an opt-in keeps the row with
/// <see cref="OptedOut"/> false, so the history of the last change stays.
/// </summary>
public sealed class ChannelOptOutRecord
{
    public const int MaxAddressLength = 256;

    public long Id { get; set; }

    public required string ChannelId { get; set; }

    public required string Address { get; set; }

    public bool OptedOut { get; set; }

    public DateTimeOffset? OptedOutAt { get; set; }

    public DateTimeOffset? OptedInAt { get; set; }

    /// <summary>What caused the last change: <c>keyword:STOP</c>, <c>twilio:21610</c>, <c>revocation</c>…</summary>
    public required string Source { get; set; }
}
