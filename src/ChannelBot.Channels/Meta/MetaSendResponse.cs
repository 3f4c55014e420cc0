namespace ChannelBot.Channels.Meta;

/// <summary>The Send API's answer: <c>{"recipient_id": …, "message_id": …}</c> (no message id for a sender action).</summary>
internal sealed class MetaSendResponse
{
    public string? RecipientId { get; set; }

    public string? MessageId { get; set; }
}
