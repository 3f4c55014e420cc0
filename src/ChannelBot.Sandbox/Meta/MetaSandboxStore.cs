using ChannelBot.Sandbox.Common;

namespace ChannelBot.Sandbox.Meta;

/// <summary>What the sandbox's Messenger residents received, by PSID (Development only).</summary>
public sealed class MetaSandboxStore() : SandboxMailboxes<MetaSandboxMessage>(StringComparer.Ordinal)
{
    /// <returns>False when the store already holds <see cref="SandboxLimits.MaxAddresses"/> other residents.</returns>
    public bool Add(MetaSandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Add(message.Psid, message);
    }
}
