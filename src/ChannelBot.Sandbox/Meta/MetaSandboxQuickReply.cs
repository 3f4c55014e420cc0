namespace ChannelBot.Sandbox.Meta;

/// <summary>A quick reply the sandbox showed: its title, and the payload that comes back when it is tapped.</summary>
public sealed record MetaSandboxQuickReply(string Title, string Payload);
