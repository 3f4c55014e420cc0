namespace ChannelBot.Sandbox.Phones;

/// <summary>A photo a sandbox phone attached, served back to the app from a fake provider's media URL.</summary>
public sealed record SandboxMediaFile(string Id, string ContentType, byte[] Bytes);
