using System.Net;
using ChannelBot.Application.Conversations;
using ChannelBot.Application.Messaging;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Tests.Support;
using ChannelBot.Channels.Tests.Twilio;
using Microsoft.AspNetCore.Builder;
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

    private readonly LoopbackChannelApp _app;

    private MetaTestHost(LoopbackChannelApp app, InMemoryConsent consent, InMemoryDeliveryLog deliveries, FakeTimeProvider clock)
    {
        _app = app;
        Consent = consent;
        Deliveries = deliveries;
        Clock = clock;
    }

    public RecordingInboundSink Sink => _app.Sink;

    public InMemoryConsent Consent { get; }

    public InMemoryDeliveryLog Deliveries { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client => _app.Client;

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
        var clock = TestClock.Create();
        var consent = new InMemoryConsent();
        var deliveries = new InMemoryDeliveryLog();
        var app = await LoopbackChannelApp.StartAsync(environment, settings ?? ConfiguredSettings(), sinkOverride, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddSingleton<IMessagingConsent>(consent);
            builder.Services.AddSingleton<IDeliveryStatusLog>(deliveries);
            builder.Services.AddSingleton<ILastInboundLookup>(new ChannelBot.Channels.Tests.Twilio.InMemoryLastInbound());
            builder.AddMetaChannel();
        }, web => web.MapMeta());
        return new MetaTestHost(app, consent, deliveries, clock);
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

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
