using System.Net;
using ChannelBot.Application.Conversations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// The one way the channel tests start a web application: a slim host on Kestrel, 127.0.0.1 and a free port, the
/// machine's environment variables dropped, only the given settings, a pinned clock (<see cref="TestClock"/>) unless
/// the host registers its own, and a <see cref="RecordingInboundSink"/> (or the
/// test's own sink) where the application's pipeline would be. Each channel's test host adds its registration and
/// endpoints through <c>register</c> and <c>map</c>.
/// </summary>
public sealed class LoopbackChannelApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackChannelApp(WebApplication app, RecordingInboundSink sink, Uri baseAddress)
    {
        _app = app;
        Sink = sink;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public RecordingInboundSink Sink { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackChannelApp> StartAsync(
        string environment,
        IEnumerable<KeyValuePair<string, string?>> settings,
        IInboundActivitySink? sinkOverride,
        Action<WebApplicationBuilder> register,
        Action<WebApplication> map)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        HermeticConfiguration.DropEnvironmentVariables(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());   // pinned; a host or test may register its own after
        var sink = new RecordingInboundSink();
        builder.Services.AddSingleton<IInboundActivitySink>(sinkOverride ?? sink);
        register(builder);

        var app = builder.Build();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackChannelApp(app, sink, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
