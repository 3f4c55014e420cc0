using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Channels.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ChannelBot.Channels.Tests.Support;

/// <summary>
/// A minimal web application on Kestrel, 127.0.0.1 and a free port: the Connector channel's registration and
/// endpoint, and a <see cref="RecordingInboundSink"/> where the application's pipeline would be.
/// </summary>
public sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly LoopbackChannelApp _app;

    private ConnectorTestHost(LoopbackChannelApp app) => _app = app;

    public RecordingInboundSink Sink => _app.Sink;

    public HttpClient Client => _app.Client;

    public static async Task<ConnectorTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        IInboundActivitySink? sinkOverride = null)
    {
        var app = await LoopbackChannelApp.StartAsync("Production", WithAnonymousAllowed(settings), sinkOverride, builder =>
        {
            if (timeProvider is not null)
            {
                builder.Services.AddSingleton(timeProvider);
            }

            builder.AddConnectorChannel();
        }, web => web.MapConnector());
        return new ConnectorTestHost(app);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

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
