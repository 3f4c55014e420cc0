using System.Net;
using ChannelBot.Application.Messaging;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;
using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Twilio channel: SMS, MMS and WhatsApp (map its endpoints with <c>MapTwilio</c>).</summary>
public static class TwilioChannelRegistration
{
    /// <summary>
    /// Options from section <c>Twilio</c> (validated at start-up), the webhook signing settings, the two webhooks
    /// (<see cref="TwilioMessageWebhook"/>, <see cref="TwilioStatusWebhook"/>), and <see cref="TwilioSender"/> as the
    /// <see cref="IChannelSender"/> of <c>sms</c> and <c>whatsapp</c> (register this channel before the Connector,
    /// which takes unclaimed channels). The <c>IInboundActivitySink</c>, <c>IMessagingConsent</c>,
    /// <c>IDeliveryStatusLog</c> and <c>ILastInboundLookup</c> are the application's to register.
    /// </summary>
    public static IHostApplicationBuilder AddTwilioChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(TwilioWebhookSigning)))
        {
            return builder;
        }

        services.AddOptions<TwilioOptions>()
            .Bind(builder.Configuration.GetSection(TwilioOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<TwilioWebhookSigning>();
        services.AddSingleton<TwilioSignedRequestReader>();
        services.AddScoped<TwilioMessageWebhook>();
        services.AddScoped<TwilioStatusWebhook>();
        services.AddSingleton<TwilioKeywordHandler>();
        services.TryAddSingleton<MissingMessagingStores>();
        services.TryAddSingleton<IMessagingConsent>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<OptOutGate>();
        services.TryAddSingleton<IDeliveryStatusLog>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<ILastInboundLookup>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<IOutboxResends>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.AddSingleton<TwilioSender>();
        services.AddChannelSender<TwilioSender>(ChannelIds.Sms, ChannelIds.WhatsApp);
        services.AddSingleton<IChannelMediaAccess, TwilioMediaAccess>();
        services.AddSingleton<IChannelMediaRelease, TwilioMediaRelease>();

        AddHttpClients(services);
        return builder;
    }

    private static void AddHttpClients(IServiceCollection services)
    {
        // The REST API. Creating a message is not idempotent: a POST that timed out or failed mid-flight may have
        // created it, and resending it here would text the resident twice. So the only retry is of a 429, which
        // Twilio answers before it processes anything (what the official library's autoRetry does: a few tries,
        // jittered exponential backoff, capped); everything else goes back to the outbox dispatcher, whose next
        // try reconciles first (TwilioSender). A timeout per call and a circuit breaker keep a Twilio outage from
        // holding the dispatcher's slots. Redirects are not followed: a redirected POST would go out as a GET.
        services.AddHttpClient(TwilioHttpClients.Api)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("twilio-api", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests),
                    MaxRetryAttempts = 3,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(100),
                    MaxDelay = TimeSpan.FromSeconds(3),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    // Twilio saying "slow down" (429) is not Twilio being down: counting it opened the breaker under
                    // a burst of notifications and stopped every send for the break (measured: 8 msg/s where 100
                    // were allowed, docs/benchmarks.md "Notification drain").
                    ShouldHandle = static args => ValueTask.FromResult(
                        HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    MinimumThroughput = 10,
                    FailureRatio = 0.5,
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(options.SendTimeout);
            });
    }
}
