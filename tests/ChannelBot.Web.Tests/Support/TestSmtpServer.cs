using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port: every message the app hands it is parsed and
/// kept, in order, whether it was accepted or not; the first messages to a given address can be answered
/// <c>451</c> after their data was read — the mail server that had the whole message and asked to try later, so a
/// retried send and its Message-ID can be compared with the first.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store;
    private readonly Task _running;

    private TestSmtpServer(int port, int failFirst, string? failingRecipient)
    {
        Port = port;
        _store = new Store(failFirst, failingRecipient);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message received, accepted or not, oldest first.</summary>
    public IReadOnlyList<(MimeMessage Message, bool Accepted)> Received => [.. _store.Received];

    /// <summary>The messages the server accepted (250), oldest first.</summary>
    public IReadOnlyList<MimeMessage> Accepted => [.. _store.Received.Where(r => r.Accepted).Select(r => r.Message)];

    /// <param name="failFirst">How many messages to <paramref name="failingRecipient"/>, from the first, are answered 451 after their data.</param>
    public static TestSmtpServer Start(int failFirst = 0, string? failingRecipient = null)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new TestSmtpServer(port, failFirst, failingRecipient);
    }

    /// <summary>The <c>Email</c> settings of an app that sends through this server (plain SMTP on loopback).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:FromAddress"] = "311@springfield.example.gov",
        ["Email:FromName"] = "Springfield 311",
        ["Email:SendTimeout"] = "00:00:10",
        ["Email:PublicBaseUrl"] = "https://311.springfield.example.gov",
        ["Email:UnsubscribeSecret"] = "test-unsubscribe-key-0123456789abcdef0123456789",
    };

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private sealed class Store(int failFirst, string? failingRecipient) : MessageStore
    {
        private int _count;

        public ConcurrentQueue<(MimeMessage Message, bool Accepted)> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var failing = failingRecipient is not null && message.To.Mailboxes.Any(m => string.Equals(m.Address, failingRecipient, StringComparison.OrdinalIgnoreCase));
            var accepted = !failing || Interlocked.Increment(ref _count) > failFirst;
            Received.Enqueue((message, accepted));
            return accepted ? SmtpResponse.Ok : new SmtpResponse(SmtpReplyCode.Aborted, "Local error in processing, try again later");
        }
    }
}
