using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Sandbox.Common;

/// <summary>
/// The app's own origin, from the addresses the server listens on (plain http preferred, a wildcard host read as
/// <c>localhost</c>): where the Development sandboxes reach the app itself.
/// </summary>
public static class OwnOrigin
{
    /// <summary>
    /// Stands for the app's origin before the server listens: the loopback discard port, where a connection is
    /// refused at once, so a send tried that early is retried like one to any unreachable provider.
    /// </summary>
    public const string NotListening = "http://127.0.0.1:9";

    /// <summary>The origin without a trailing slash, e.g. <c>http://127.0.0.1:5000</c>; null before the server has started or without a server.</summary>
    public static string? Of(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return null;
        }

        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
        return Normalize(address);
    }

    private static string Normalize(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return address.TrimEnd('/');
        }

        var hostStart = scheme + 3;
        var portColon = address.LastIndexOf(':');
        var host = portColon > hostStart ? address[hostStart..portColon] : address[hostStart..].TrimEnd('/');
        var rest = portColon > hostStart ? address[portColon..].TrimEnd('/') : string.Empty;
        if (host is "+" or "*" or "0.0.0.0" or "[::]")
        {
            host = "localhost";
        }

        return address[..hostStart] + host + rest;
    }
}
