using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary>
/// A minimal web application on Kestrel, 127.0.0.1 and a free port: the Meta channel's registration and endpoint,
/// a <see cref="RecordingInboundSink"/> where the application's pipeline would be, in-memory consent and delivery log.
/// </summary>
public sealed class MetaTestHost : IAsyncDisposable
{
    public const string AppSecret = "meta-test-app-secret";
    public const string VerifyToken = "meta-test-verify-token";
    public const string PageAccessToken = "EAAGtestpagetoken";
    public const string PageId = "104700000000001";
    public const string Resident = "6512300000000001";

    private readonly WebApplication _app;

    private MetaTestHost(WebApplication app, RecordingInboundSink sink, InMemoryConsent consent, InMemoryDeliveryLog deliveries, FakeTimeProvider clock, Uri baseAddress)
    {
        _app = app;
        Sink = sink;
        Consent = consent;
        Deliveries = deliveries;
        Clock = clock;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public RecordingInboundSink Sink { get; }

    public InMemoryConsent Consent { get; }

    public InMemoryDeliveryLog Deliveries { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The settings of a configured channel.</summary>
    public static Dictionary<string, string?> ConfiguredSettings() => new()
    {
        ["Meta:AppSecret"] = AppSecret,
        ["Meta:VerifyToken"] = VerifyToken,
        ["Meta:PageAccessToken"] = PageAccessToken,
        ["Meta:PageId"] = PageId,
        ["Meta:MaxBodyBytes"] = "16384",
    };

    public static async Task<MetaTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Production",
        IInboundActivitySink? sinkOverride = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        HermeticConfiguration.DropEnvironmentVariables(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings ?? ConfiguredSettings());
        var clock = TestClock.Create();
        builder.Services.AddSingleton<TimeProvider>(clock);

        var sink = new RecordingInboundSink();
        builder.Services.AddSingleton<IInboundActivitySink>(sinkOverride ?? sink);
        var consent = new InMemoryConsent();
        var deliveries = new InMemoryDeliveryLog();
        builder.Services.AddSingleton<IMessagingConsent>(consent);
        builder.Services.AddSingleton<IDeliveryStatusLog>(deliveries);
        builder.Services.AddSingleton<ILastInboundLookup>(new ChannelBot.Channels.Tests.Twilio.InMemoryLastInbound());
        builder.AddMetaChannel();

        var app = builder.Build();
        app.MapMeta();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new MetaTestHost(app, sink, consent, deliveries, clock, new Uri(address));
    }

    /// <summary>Posts <paramref name="body"/> as Meta does: the exact bytes, signed (unless a header is given) with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? secret = AppSecret, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MetaRoutes.WebhookPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        else if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(MetaSignature.HeaderName, MetaSignature.Compute(secret, body));
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
