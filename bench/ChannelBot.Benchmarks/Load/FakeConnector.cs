using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChannelBot.Benchmarks.Load;

/// <summary>
/// The Bot Framework channel behind <c>serviceUrl</c>, as small as it can be: a bare Kestrel endpoint on loopback
/// that answers every <c>POST v3/conversations/{id}/activities[/{replyToId}]</c> with 200 and completes the
/// waiter registered for the <c>replyToId</c> in the URL (the first reply to an activity completes it). No
/// request log, no body parsing: the load generator must not be the bottleneck it measures.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly byte[] Accepted = """{"id":"sent"}"""u8.ToArray();

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private long _received;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl inbound activities carry (ends with a slash).</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every activity the bot has sent here.</summary>
    public long Received => Interlocked.Read(ref _received);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (HttpContext context, string replyToId) => connector.OnReply(context, replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context) => connector.OnReply(context, null));
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>
    /// Registers interest in the first reply to <paramref name="activityId"/> (before the activity is posted); the task
    /// completes with the <see cref="Stopwatch"/> timestamp of its arrival.
    /// </summary>
    public Task<long> ExpectReplyTo(string activityId)
    {
        var waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = waiter;
        return waiter.Task;
    }

    /// <summary>Stops waiting for <paramref name="activityId"/> (it timed out).</summary>
    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task OnReply(HttpContext context, string? replyToId)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _received);
        if (replyToId is not null && _waiting.TryRemove(replyToId, out var waiter))
        {
            waiter.TrySetResult(now);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Accepted.Length;
        return context.Response.Body.WriteAsync(Accepted, context.RequestAborted).AsTask();
    }
}
