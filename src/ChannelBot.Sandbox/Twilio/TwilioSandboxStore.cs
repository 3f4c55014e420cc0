using ChannelBot.Sandbox.Common;

namespace ChannelBot.Sandbox.Twilio;

/// <summary>What the sandbox's phones received, by phone number or <c>whatsapp:</c> address (Development only).</summary>
public sealed class TwilioSandboxStore() : SandboxMailboxes<TwilioSandboxMessage>(StringComparer.OrdinalIgnoreCase)
{
    /// <returns>False when the store already holds <see cref="SandboxLimits.MaxAddresses"/> other addresses.</returns>
    public bool Add(TwilioSandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Add(message.To, message);
    }
}
