namespace ChannelBot.Sandbox.Phones;

/// <summary>A photo a sandbox phone attached.</summary>
public sealed record SandboxPhoto(string ContentType, byte[] Bytes);
