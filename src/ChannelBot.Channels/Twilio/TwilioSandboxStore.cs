using System.Collections.Concurrent;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// What the sandbox's phones received, in memory (lost on restart; Development only). Bounded: the newest
/// <see cref="MaxPerAddress"/> messages of at most <see cref="MaxAddresses"/> addresses.
/// </summary>
public sealed class TwilioSandboxStore
{
    public const int MaxPerAddress = 200;

    public const int MaxAddresses = 1000;

    private readonly ConcurrentDictionary<string, List<TwilioSandboxMessage>> _byAddress = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>False when the store already holds <see cref="MaxAddresses"/> other addresses.</returns>
    public bool Add(TwilioSandboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_byAddress.ContainsKey(message.To) && _byAddress.Count >= MaxAddresses)
        {
            return false;
        }

        var list = _byAddress.GetOrAdd(message.To, _ => []);
        lock (list)
        {
            list.Add(message);
            if (list.Count > MaxPerAddress)
            {
                list.RemoveAt(0);
            }
        }

        return true;
    }

    /// <summary>The messages <paramref name="address"/> received, oldest first.</summary>
    public IReadOnlyList<TwilioSandboxMessage> ReceivedBy(string address)
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
