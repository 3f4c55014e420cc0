using System.Net;
using System.Net.Sockets;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// Which addresses a resident's media link may make this server connect to: public ones only, unless a network is
/// listed in <see cref="MediaFetchOptions.AllowedPrivateNetworks"/>. Loopback, private (RFC 1918), carrier-grade
/// NAT, link-local (with the 169.254.169.254 cloud metadata service), unique-local and site-local v6, multicast,
/// documentation, benchmark and reserved ranges are refused; IPv4-mapped and NAT64 v6 addresses are judged by the
/// v4 address inside.
/// </summary>
internal sealed class PublicAddresses(IEnumerable<IPNetwork> allowedPrivate)
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/127"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    private readonly IPNetwork[] _allowedPrivate = [.. allowedPrivate];

    public static PublicAddresses From(MediaFetchOptions options) =>
        new(options.AllowedPrivateNetworks.Select(cidr => IPNetwork.Parse(cidr.Trim())));

    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var judged = Embedded(address);
        foreach (var network in _allowedPrivate)
        {
            if (network.Contains(judged) || network.Contains(address))
            {
                return true;
            }
        }

        foreach (var network in NotPublic)
        {
            if (network.Contains(judged))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The v4 address inside an IPv4-mapped or NAT64 v6 address; otherwise the address itself.</summary>
    private static IPAddress Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (Nat64.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return address;
    }
}
