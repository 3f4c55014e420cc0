using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using ChannelBot.Channels.Meta;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Facebook Messenger channel (map its endpoint with <c>MapMeta</c>).</summary>
public static class MetaChannelRegistration
{
    /// <summary>
    /// Options from section <c>Meta</c> (validated at start-up), the webhook signing settings, the request handler,
    /// the window and sent-message trackers, <see cref="MetaSender"/> as the <see cref="IChannelSender"/> of
    /// <c>facebook</c> (register this channel before the Connector, which takes unclaimed channels), and
    /// <see cref="MetaMediaAccess"/>. The <c>IInboundActivitySink</c>, <c>IMessagingConsent</c> and
    /// <c>IDeliveryStatusLog</c> are the application's to register, and so is the <c>ILastInboundLookup</c> behind
    /// <see cref="IMessengerWindows"/> (the conversation store, so the window survives a restart).
    /// </summary>
    public static IHostApplicationBuilder AddMetaChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(MetaWebhookSigning)))
        {
            return builder;
        }

        services.AddOptions<MetaOptions>()
            .Bind(builder.Configuration.GetSection(MetaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<MetaWebhookSigning>();
        services.AddSingleton<MetaSubscriptionHandshake>();
        services.AddScoped<MetaRequestHandler>();
        services.AddSingleton<MetaKeywordHandler>();
        services.TryAddSingleton<InMemoryMessengerWindows>();
        services.TryAddSingleton<IMessengerWindows>(sp => new DurableMessengerWindows(sp.GetRequiredService<InMemoryMessengerWindows>(), sp.GetRequiredService<ILastInboundLookup>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationTemplates, MessengerTemplateCatalog>());
        services.AddSingleton<MessengerSentLog>();
        services.AddSingleton<MetaSender>();
        services.AddChannelSender<MetaSender>(ChannelIds.Facebook);
        services.AddSingleton<MessengerTypingIndicator>();
        services.AddHostedService(sp => sp.GetRequiredService<MessengerTypingIndicator>());
        services.AddSingleton<IChannelMediaAccess, MetaMediaAccess>();

        // Without the application's stores every call throws (answered 503, retried later): nothing is sent or acknowledged unrecorded.
        services.TryAddSingleton<MissingMessagingStores>();
        services.TryAddSingleton<IMessagingConsent>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<OptOutGate>();
        services.TryAddSingleton<IDeliveryStatusLog>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<ILastInboundLookup>(sp => sp.GetRequiredService<MissingMessagingStores>());

        AddHttpClients(services);
        return builder;
    }

    private static void AddHttpClients(IServiceCollection services)
    {
        // The Send API. A send is not idempotent and Meta's rate limits arrive as ordinary 4xx errors (613, 4, 17,
        // 32) that must wait longer than a request's lifetime, so nothing is retried here: every retry is the outbox
        // dispatcher's, with its backoff. A timeout per call and a circuit breaker keep a Graph outage from holding
        // the dispatcher's slots. Redirects are not followed (a redirected POST would go out as a GET).
        services.AddHttpClient(MetaHttpClients.Graph)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("meta-graph", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<MetaOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    MinimumThroughput = 10,
                    FailureRatio = 0.5,
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(options.SendTimeout);
            });
    }
}
