using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChannelBot.Channels.Tests.Twilio;

/// <summary>
/// A minimal web application on Kestrel, 127.0.0.1 and a free port: the Twilio channel's registration and
/// endpoint, and a <see cref="RecordingInboundSink"/> where the application's pipeline would be (and whatever a
/// test adds, e.g. the sandbox). The public URL Twilio "calls" is configured separately from the loopback address,
/// as behind a TLS-terminating proxy.
/// </summary>
public sealed class TwilioTestHost : IAsyncDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "12345";
    public const string PublicBaseUrl = "https://311.example.gov";
    public const string MessagesUrl = PublicBaseUrl + "/api/twilio/messages";

    private readonly LoopbackChannelApp _app;

    private TwilioTestHost(LoopbackChannelApp app, InMemoryConsent consent, InMemoryDeliveryLog deliveries)
    {
        _app = app;
        Consent = consent;
        Deliveries = deliveries;
    }

    public RecordingInboundSink Sink => _app.Sink;

    public InMemoryConsent Consent { get; }

    public InMemoryDeliveryLog Deliveries { get; }

    public HttpClient Client => _app.Client;

    /// <summary>The application's services, to read what a registration decided.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The settings of a configured channel: account, token 12345, public URL https://311.example.gov.</summary>
    public static Dictionary<string, string?> ConfiguredSettings() => new()
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:PublicBaseUrl"] = PublicBaseUrl,
        ["Twilio:MaxBodyBytes"] = "8192",
    };

    public static async Task<TwilioTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Production",
        IInboundActivitySink? sinkOverride = null,
        IMessagingConsent? consentOverride = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var consent = new InMemoryConsent();
        var deliveries = new InMemoryDeliveryLog();
        var app = await LoopbackChannelApp.StartAsync(environment, settings ?? ConfiguredSettings(), sinkOverride, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(TestClock.Create());
            builder.Services.AddSingleton<IMessagingConsent>(consentOverride ?? consent);
            builder.Services.AddSingleton<IDeliveryStatusLog>(deliveries);
            builder.AddTwilioChannel();
            configure?.Invoke(builder);
        }, web => web.MapTwilio());
        return new TwilioTestHost(app, consent, deliveries);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
