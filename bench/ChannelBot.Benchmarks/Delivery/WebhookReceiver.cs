using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ChannelBot.Channels.Departments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Benchmarks.Delivery;

/// <summary>
/// A department's system on Kestrel loopback, as a careful receiver is: it reads the body, checks the signature over
/// the raw bytes and the timestamp, and records each idempotency key once (a repeat is answered 200 and counted as a
/// double); it answers 200 with no body.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _secret;
    private int _refused;
    private int _doubled;

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = secret;
    }

    /// <summary>First acceptance of each key, in <see cref="Stopwatch"/> ticks.</summary>
    public ConcurrentDictionary<string, long> Accepted { get; } = new(StringComparer.Ordinal);

    public int Refused => _refused;

    public int Doubled => _doubled;

    public Uri Url => new(_app.Urls.First() + "/cases");

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/cases", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var key = context.Request.Headers[DepartmentWebhookSignature.IdempotencyHeaderName].ToString();
        var signature = context.Request.Headers[DepartmentWebhookSignature.HeaderName].ToString();
        if (key.Length == 0 || !Verified(signature, body.ToArray()))
        {
            Interlocked.Increment(ref _refused);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!Accepted.TryAdd(key, Stopwatch.GetTimestamp()))
        {
            Interlocked.Increment(ref _doubled);
        }

        return Results.Ok();
    }

    private bool Verified(string signature, byte[] body)
    {
        var parts = signature.Split(',');
        if (parts.Length != 2 || !parts[0].StartsWith("t=", StringComparison.Ordinal) || !long.TryParse(parts[0][2..], out var seconds))
        {
            return false;
        }

        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((DateTimeOffset.UtcNow - at).Duration() > TimeSpan.FromMinutes(5))
        {
            return false;
        }

        var expected = DepartmentWebhookSignature.Compute(_secret, at, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
