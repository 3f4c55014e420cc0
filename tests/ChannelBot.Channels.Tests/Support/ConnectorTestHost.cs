using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// A minimal web application on Kestrel, 127.0.0.1 and a free port: the Connector channel's registration and
/// endpoint, and a <see cref="RecordingInboundSink"/> where the application's pipeline would be.
/// </summary>
public sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorTestHost(WebApplication app, RecordingInboundSink sink, Uri baseAddress)
    {
        _app = app;
        Sink = sink;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public RecordingInboundSink Sink { get; }

    public HttpClient Client { get; }

    public static async Task<ConnectorTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        IInboundActivitySink? sinkOverride = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        HermeticConfiguration.DropEnvironmentVariables(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(WithAnonymousAllowed(settings));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        var sink = new RecordingInboundSink();
        builder.Services.AddSingleton<IInboundActivitySink>(sinkOverride ?? sink);
        builder.AddConnectorChannel();

        var app = builder.Build();
        app.MapConnector();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ConnectorTestHost(app, sink, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Tests run outside Development, so the Emulator's anonymous mode is switched on unless a test names
    /// <c>Connector:AllowAnonymous</c> (a null value leaves it unset: the production default).
    /// </summary>
    private static Dictionary<string, string?> WithAnonymousAllowed(IDictionary<string, string?>? settings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Connector:AllowAnonymous"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged.Where(pair => pair.Value is not null).ToDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
