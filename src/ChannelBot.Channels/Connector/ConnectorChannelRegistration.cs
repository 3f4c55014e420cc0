using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ChannelBot.Channels.Common;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bot Framework Connector channel (map its endpoint with <c>MapConnector</c>).</summary>
public static class ConnectorChannelRegistration
{
    /// <summary>
    /// Options from section <c>Connector</c> (validated at start-up), the inbound authenticator and request
    /// handler, the outbound token client, the <c>connector</c> HTTP clients, and <see cref="ConnectorSender"/>
    /// as an <see cref="IChannelSender"/>. The <c>IInboundActivitySink</c> is the application's to register.
    /// </summary>
    public static IHostApplicationBuilder AddConnectorChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ConnectorSender)))
        {
            return builder;
        }

        services.AddOptions<ConnectorOptions>()
            .Bind(builder.Configuration.GetSection(ConnectorOptions.SectionName))
            .PostConfigure(options => options.AllowAnonymous ??= builder.Environment.IsDevelopment())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ConnectorOpenIdMetadata>();
        services.AddSingleton<ConnectorAuthenticator>();
        services.AddScoped<ConnectorRequestHandler>();
        services.AddSingleton<ConnectorTokenClient>();
        services.AddSingleton<ConnectorSender>();
        services.AddFallbackChannelSender<ConnectorSender>();
        services.AddHostedService<ConnectorAnonymousWarning>();

        AddHttpClients(services);
        return builder;
    }

    private static void AddHttpClients(IServiceCollection services)
    {
        // Sends to serviceUrl: a timeout and a circuit breaker per channel host, and deliberately no retry. A POST
        // that timed out or failed mid-flight may already have reached the channel, and resending it here would
        // show the resident the same message twice; the outbox dispatcher decides when a whole send is tried
        // again (it gets RetryLater). Redirects are not followed: a channel answers its REST calls directly, and
        // a redirected POST would go out as a GET. Per-host pipelines keep one dead Emulator from opening the
        // circuit for Teams; the hosts come from channel activities, so their number stays small.
        services.AddHttpClient(ConnectorHttpClients.Sender)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddResilienceHandler("connector-send", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    MinimumThroughput = 10,
                    FailureRatio = 0.5,
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(options.SendTimeout);
            })
            .SelectPipelineByAuthority();

        // The client-credentials grant is safe to repeat, so the token request gets the standard handler
        // (retries with backoff on transient failures, timeouts, circuit breaker).
        services.AddHttpClient(ConnectorHttpClients.Token)
            .AddStandardResilienceHandler();

        // Metadata and keys are cached by ConfigurationManager (last known good kept on failure); a request
        // waiting on a first fetch must not wait long, so: a short timeout and a bounded document size.
        services.AddHttpClient(ConnectorHttpClients.Metadata, static client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
    }
}
