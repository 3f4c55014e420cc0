namespace ChannelBot.Sandbox.Common;

/// <summary>How much the Development sandboxes keep in memory.</summary>
public static class SandboxLimits
{
    public const int MaxPerAddress = 200;

    public const int MaxAddresses = 1000;
}
