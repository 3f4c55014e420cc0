using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
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

    private readonly WebApplication _app;

    private TwilioTestHost(WebApplication app, RecordingInboundSink sink, InMemoryConsent consent, InMemoryDeliveryLog deliveries, Uri baseAddress)
    {
        _app = app;
        Sink = sink;
        Consent = consent;
        Deliveries = deliveries;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public RecordingInboundSink Sink { get; }

    public InMemoryConsent Consent { get; }

    public InMemoryDeliveryLog Deliveries { get; }

    public HttpClient Client { get; }

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        HermeticConfiguration.DropEnvironmentVariables(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings ?? ConfiguredSettings());
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());

        var sink = new RecordingInboundSink();
        builder.Services.AddSingleton<IInboundActivitySink>(sinkOverride ?? sink);
        var consent = new InMemoryConsent();
        var deliveries = new InMemoryDeliveryLog();
        builder.Services.AddSingleton<IMessagingConsent>(consentOverride ?? consent);
        builder.Services.AddSingleton<IDeliveryStatusLog>(deliveries);
        builder.AddTwilioChannel();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapTwilio();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new TwilioTestHost(app, sink, consent, deliveries, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
