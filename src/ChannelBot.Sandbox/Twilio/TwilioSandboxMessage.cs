namespace ChannelBot.Sandbox.Twilio;

/// <summary>One message the sandbox's fake Messages API accepted: what the phone (or WhatsApp address) received.</summary>
/// <param name="Body">The text; for a template, a stand-in naming the template and its values (the sandbox cannot render it).</param>
/// <param name="ContentSid">The template, when one was sent instead of text.</param>
/// <param name="ContentVariables">The template's variables (a JSON string), as posted.</param>
public sealed record TwilioSandboxMessage(
    string Sid,
    string To,
    string From,
    string Body,
    IReadOnlyList<string> MediaUrls,
    string? ContentSid,
    string? ContentVariables,
    string? StatusCallback,
    DateTimeOffset CreatedAt);
