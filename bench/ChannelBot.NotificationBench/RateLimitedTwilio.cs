using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChannelBot.NotificationBench;

/// <summary>
/// A fake Twilio Messages API on Kestrel loopback that accepts at most <c>ratePerSecond</c> messages a second
/// (a token bucket holding one second's worth); beyond it, 429 with Twilio's code 20429. It counts what it
/// accepted per body, so loss and duplicates show.
/// </summary>
public sealed class RateLimitedTwilio : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double _rate;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastTicks = Environment.TickCount64;

    private RateLimitedTwilio(WebApplication app, double rate)
    {
        _app = app;
        _rate = rate;
        _tokens = rate;   // a second's worth, like the pacer: neither starts empty
    }

    public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

    public long Refused;

    public DateTimeOffset? FirstAcceptedAt { get; private set; }

    public DateTimeOffset? LastAcceptedAt { get; private set; }

    public string Url => _app.Urls.First();

    public static async Task<RateLimitedTwilio> StartAsync(string accountSid, double ratePerSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new RateLimitedTwilio(app, ratePerSecond);
        app.MapPost($"/2010-04-01/Accounts/{accountSid}/Messages.json", fake.CreateAsync);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> CreateAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (!TryTake())
        {
            Interlocked.Increment(ref Refused);
            return Results.Json(new { code = 20429, message = "Too Many Requests", status = 429 }, statusCode: 429);
        }

        var body = form["Body"].ToString();
        Accepted.AddOrUpdate(body, 1, (_, count) => count + 1);
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            FirstAcceptedAt ??= now;
            LastAcceptedAt = now;
        }

        return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued", to = form["To"].ToString(), body, num_segments = "1" }, statusCode: 201);
    }

    private bool TryTake()
    {
        lock (_gate)
        {
            var now = Environment.TickCount64;
            _tokens = Math.Min(_rate, _tokens + ((now - _lastTicks) / 1000.0 * _rate));
            _lastTicks = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
