using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace ChannelBot.Web.Tests.Support;

/// <summary>
/// A real reverse proxy (YARP) on loopback in front of two app instances, as a load balancer without sticky sessions
/// might be: every GET under <c>/v3/directline</c> (the WebSocket stream, polls, reconnects) goes to the readers'
/// instance, everything else (sessions, starts, posts, token refreshes) to the writers'. It records where each request
/// went (<c>"{readers|writers} {method} {path}"</c>).
/// </summary>
public sealed class SplitReverseProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _routed;

    private SplitReverseProxy(WebApplication app, ConcurrentQueue<string> routed, Uri baseAddress)
    {
        _app = app;
        _routed = routed;
        BaseAddress = baseAddress;
    }

    /// <summary>The proxy's address, what residents and the apps' <c>DirectLine:PublicBaseUrl</c> use.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request proxied so far, in order: <c>"readers GET /v3/directline/conversations/…/stream"</c>.</summary>
    public IReadOnlyList<string> Routed => [.. _routed];

    /// <summary>Starts the proxy with no routes (every request 404) until <see cref="Route"/> names the instances.</summary>
    public static async Task<SplitReverseProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddReverseProxy().LoadFromMemory([], []);
        var app = builder.Build();
        var routed = new ConcurrentQueue<string>();
        app.MapReverseProxy(pipeline => pipeline.Use(async (context, next) =>
        {
            routed.Enqueue($"{context.GetReverseProxyFeature().Cluster.Config.ClusterId} {context.Request.Method} {context.Request.Path}");
            await next();
        }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SplitReverseProxy(app, routed, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>Sends Direct Line reads to <paramref name="readers"/> and everything else to <paramref name="writers"/>.</summary>
    public void Route(Uri writers, Uri readers)
    {
        ArgumentNullException.ThrowIfNull(writers);
        ArgumentNullException.ThrowIfNull(readers);
        _app.Services.GetRequiredService<InMemoryConfigProvider>().Update(
            [
                new RouteConfig { RouteId = "reads", ClusterId = "readers", Order = 0, Match = new RouteMatch { Path = "/v3/directline/{**rest}", Methods = ["GET"] } },
                new RouteConfig { RouteId = "writes", ClusterId = "writers", Order = 1, Match = new RouteMatch { Path = "/{**rest}" } },
            ],
            [
                Cluster("readers", readers),
                Cluster("writers", writers),
            ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static ClusterConfig Cluster(string id, Uri instance) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal) { ["instance"] = new() { Address = instance.ToString() } },
    };
}
