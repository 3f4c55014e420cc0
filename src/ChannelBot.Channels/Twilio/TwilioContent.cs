namespace ChannelBot.Channels.Twilio;

/// <summary>
/// An approved WhatsApp Content template to send instead of free-form text: <c>ContentSid</c> and the JSON string of
/// <c>ContentVariables</c> (<c>{"1":"…","2":"…"}</c>), with what was filled in (to recognise the message when a send
/// is reconciled: Twilio lists it with the rendered text, which contains every value).
/// </summary>
internal sealed record TwilioContent(string ContentSid, string ContentVariables, IReadOnlyList<string> Values, string Purpose, string Language);
