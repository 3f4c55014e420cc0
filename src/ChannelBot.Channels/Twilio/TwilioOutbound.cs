namespace ChannelBot.Channels.Twilio;

/// <summary>
/// One message as Twilio's <c>Messages.json</c> takes it: the form fields in order, and what the logs and the
/// reconciliation need to know about it.
/// </summary>
internal sealed record TwilioOutbound(string To, string? Body, IReadOnlyList<string> MediaUrls, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The WhatsApp template sent instead of a body, or null for free-form.</summary>
    public TwilioContent? Content { get; init; }
}
