using ChannelBot.Infrastructure.Handoffs;

namespace ChannelBot.Web.Staff;

/// <summary>
/// <c>GET /api/handoffs/events</c>: server-sent events for the console's live chats. Every second it compares the
/// line's fingerprint (<see cref="HandoffDesk.FingerprintAsync"/>, from the database, so a change made on any instance
/// shows) and writes <c>changed</c> when it moved; a comment line every 15 seconds keeps proxies from closing it. A
/// stream ends after 10 minutes (the browser's EventSource reconnects), so no connection is held forever. The polling
/// interval is plain elapsed time, not the app's clock.
/// </summary>
internal static class HandoffEventStream
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int KeepAliveEvery = 15;

    public static async Task RunAsync(HttpContext http, HandoffDesk desk)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var aborted = http.RequestAborted;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        lifetime.CancelAfter(Lifetime);
        string? last = null;
        var ticks = 0;
        try
        {
            await response.WriteAsync("retry: 2000\n\n", lifetime.Token);
            await response.Body.FlushAsync(lifetime.Token);
            using var timer = new PeriodicTimer(Poll);
            do
            {
                var now = await desk.FingerprintAsync(lifetime.Token);
                if (now != last)
                {
                    last = now;
                    await response.WriteAsync("event: changed\ndata: {}\n\n", lifetime.Token);
                    await response.Body.FlushAsync(lifetime.Token);
                }
                else if (++ticks % KeepAliveEvery == 0)
                {
                    await response.WriteAsync(": still here\n\n", lifetime.Token);
                    await response.Body.FlushAsync(lifetime.Token);
                }
            }
            while (await timer.WaitForNextTickAsync(lifetime.Token));
        }
        catch (OperationCanceledException)
        {
            // The browser left, or the stream's lifetime is over: the browser reconnects.
        }
    }
}
