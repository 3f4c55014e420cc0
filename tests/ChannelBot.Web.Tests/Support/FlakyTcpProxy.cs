using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChannelBot.Web.Tests.Support;

/// <summary>What the network does to one connection through a <see cref="FlakyTcpProxy"/>.</summary>
internal enum NetworkFault
{
    /// <summary>Passed through both ways.</summary>
    None,

    /// <summary>The request is read, then the connection is reset: the system behind never saw it.</summary>
    ResetBeforeSystem,

    /// <summary>The request reaches the system, which answers; the caller gets a reset instead of the answer.</summary>
    ResetAfterAnswer,

    /// <summary>The request is read and nothing ever comes back: the caller's timeout ends it.</summary>
    Silence,
}

/// <summary>
/// A TCP front on loopback for a fake outside system, breaking some connections the way networks and proxies do
/// (<see cref="NetworkFault"/>), one call per connection (each answer passed on is marked to close it). The idempotency key of each call whose answer was swallowed (<see cref="NetworkFault.ResetAfterAnswer"/>)
/// is recorded: the system got that call, so a second one with the same key is the caller's honest retry.
/// </summary>
internal sealed class FlakyTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly Func<NetworkFault> _decide;
    private readonly string _keyHeader;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Task _accepting;

    public FlakyTcpProxy(Uri target, string keyHeader, Func<NetworkFault> decide)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = new IPEndPoint(IPAddress.Loopback, target.Port);
        _keyHeader = keyHeader + ":";
        _decide = decide;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's base URL (http, loopback).</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How often each fault was dealt.</summary>
    public ConcurrentDictionary<NetworkFault, int> Dealt { get; } = new();

    /// <summary>Idempotency keys of the calls the system accepted (2xx) but whose answer the caller never got, with how many times.</summary>
    public ConcurrentDictionary<string, int> Swallowed { get; } = new(StringComparer.Ordinal);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _connections.Add(Task.Run(() => HandleAsync(client)));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            var fault = _decide();
            Dealt.AddOrUpdate(fault, 1, (_, n) => n + 1);
            var caller = client.GetStream();
            try
            {
                if (fault is NetworkFault.ResetBeforeSystem or NetworkFault.Silence)
                {
                    await ReadRequestHeadAsync(caller);
                    if (fault == NetworkFault.Silence)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    Reset(client);
                    return;
                }

                // One call per connection: the request forwarded, the system's whole answer read; then either passed on
                // (marked to close the connection, so the caller's next call comes on a new one) or swallowed by a reset.
                using var system = new TcpClient();
                await system.ConnectAsync(_target, _stop.Token);
                var upstream = system.GetStream();
                var head = await ReadRequestHeadAsync(caller);
                await upstream.WriteAsync(head, _stop.Token);
                var forwarding = caller.CopyToAsync(upstream, _stop.Token);
                _ = forwarding.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                var answer = await ReadAnswerAsync(upstream);
                if (fault == NetworkFault.None)
                {
                    await caller.WriteAsync(Closing(answer), _stop.Token);
                    return;
                }

                if (answer.AsSpan().StartsWith("HTTP/1.1 2"u8) && KeyOf(head) is { } key)
                {
                    Swallowed.AddOrUpdate(key, 1, (_, n) => n + 1);
                }

                Reset(client);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
            catch (IOException)
            {
                // The caller gave up (its timeout) or the system closed: nothing more to pass on.
            }
        }
    }

    /// <summary>Reads up to the end of the request's headers (the body, if any, follows in the same stream).</summary>
    private async Task<byte[]> ReadRequestHeadAsync(NetworkStream caller)
    {
        var read = new MemoryStream();
        var buffer = new byte[4096];
        while (read.Length < 64 * 1024)
        {
            var count = await caller.ReadAsync(buffer, _stop.Token);
            if (count == 0)
            {
                break;
            }

            read.Write(buffer, 0, count);
            if (read.ToArray().AsSpan().IndexOf("\r\n\r\n"u8) >= 0)
            {
                break;
            }
        }

        return read.ToArray();
    }

    /// <summary>Reads one whole HTTP/1.1 answer: its head, then its body by Content-Length or to the last chunk.</summary>
    private async Task<byte[]> ReadAnswerAsync(NetworkStream system)
    {
        var read = new MemoryStream();
        var buffer = new byte[4096];
        while (read.Length < 1024 * 1024)
        {
            var bytes = read.ToArray();
            var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(bytes, 0, end);
                var body = bytes.Length - end - 4;
                var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(-1);
                var chunked = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
                if ((length >= 0 && body >= length) || (chunked && bytes.AsSpan(end + 4).IndexOf("0\r\n\r\n"u8) >= 0) || (length < 0 && !chunked))
                {
                    return bytes;
                }
            }

            var count = await system.ReadAsync(buffer, _stop.Token);
            if (count == 0)
            {
                return read.ToArray();
            }

            read.Write(buffer, 0, count);
        }

        return read.ToArray();
    }

    /// <summary>The answer with <c>Connection: close</c> added after its status line.</summary>
    private static byte[] Closing(byte[] answer)
    {
        var line = answer.AsSpan().IndexOf("\r\n"u8);
        return line < 0 ? answer : [.. answer.AsSpan(0, line + 2), .. "Connection: close\r\n"u8, .. answer.AsSpan(line + 2)];
    }

    private string? KeyOf(byte[] head)
    {
        foreach (var line in Encoding.ASCII.GetString(head).Split("\r\n"))
        {
            if (line.StartsWith(_keyHeader, StringComparison.OrdinalIgnoreCase))
            {
                return line[_keyHeader.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>Closes with a TCP reset (linger 0), as a crashed proxy or a dropped NAT entry would.</summary>
    private static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(static _ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
