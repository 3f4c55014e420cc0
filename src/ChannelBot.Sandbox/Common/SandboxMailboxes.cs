using System.Collections.Concurrent;

namespace ChannelBot.Sandbox.Common;

/// <summary>
/// What a Development sandbox's fake provider delivered, by address (a phone number, a PSID), in memory: lost on
/// restart. Bounded: the newest <see cref="SandboxLimits.MaxPerAddress"/> messages of at most
/// <see cref="SandboxLimits.MaxAddresses"/> addresses.
/// </summary>
public class SandboxMailboxes<TMessage>(StringComparer addressComparer)
{
    private readonly ConcurrentDictionary<string, List<TMessage>> _byAddress = new(addressComparer);

    /// <returns>False when the sandbox already holds <see cref="SandboxLimits.MaxAddresses"/> other addresses.</returns>
    protected bool Add(string address, TMessage message)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_byAddress.ContainsKey(address) && _byAddress.Count >= SandboxLimits.MaxAddresses)
        {
            return false;
        }

        var list = _byAddress.GetOrAdd(address, _ => []);
        lock (list)
        {
            list.Add(message);
            if (list.Count > SandboxLimits.MaxPerAddress)
            {
                list.RemoveAt(0);
            }
        }

        return true;
    }

    /// <summary>The messages <paramref name="address"/> received, oldest first.</summary>
    public IReadOnlyList<TMessage> ReceivedBy(string address)
    {
        if (!_byAddress.TryGetValue(address, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }
}
