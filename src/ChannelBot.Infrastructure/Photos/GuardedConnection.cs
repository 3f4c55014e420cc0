using System.Net;
using System.Net.Sockets;

namespace ChannelBot.Infrastructure.Photos;

/// <summary>
/// The media client's connect step: the host name is resolved here, every address is checked with
/// <see cref="PublicAddresses"/>, and the socket connects only to an address that passed — the same address that was
/// checked, so a DNS answer that changes between check and connect cannot slip a private address through. Runs for
/// every connection, the first and each one a redirect opens.
/// </summary>
internal sealed class GuardedConnection(PublicAddresses addresses, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolve(host, cancellationToken).ConfigureAwait(false);
        var allowed = resolved.Where(addresses.IsAllowed).ToArray();
        if (allowed.Length == 0)
        {
            throw new MediaAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
