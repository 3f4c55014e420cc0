namespace ChannelBot.Sandbox.Phones;

/// <summary>What the resident did on a sandbox phone: typed text, tapped a quick reply (Messenger), attached a photo or shared a location.</summary>
/// <param name="Address">The resident: a phone number in E.164 (SMS, WhatsApp) or a PSID (Messenger).</param>
/// <param name="Payload">The payload of the Messenger quick reply tapped (its title is <paramref name="Text"/>).</param>
public sealed record SandboxPhoneInput(string Address, string? Text, string? Payload, SandboxPhoto? Photo, SandboxPin? Pin);
