using System.Net;
using System.Net.Sockets;

namespace ChannelBot.Channels.Common;

/// <summary>
/// The network a client address belongs to, as rate limits count it: an IPv4 address on its own, an IPv6 address by
/// its /64 (one home or one server is given a whole /64, and rotating addresses inside it must not reset a limit).
/// </summary>
public static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return new IPAddress(bytes) + "/64";
    }
}
