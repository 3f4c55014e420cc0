namespace ChannelBot.Sandbox.Phones;

/// <summary>A location a sandbox phone shares: WhatsApp's pin (with an optional label and address) or Messenger's location attachment.</summary>
public sealed record SandboxPin(double Latitude, double Longitude, string? Label, string? Address);
