using ChannelBot.Channels.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Twilio channel: SMS, MMS and WhatsApp (map its endpoints with <c>MapTwilio</c>).</summary>
public static class TwilioChannelRegistration
{
    /// <summary>
    /// Options from section <c>Twilio</c> (validated at start-up), the webhook signing settings and the inbound
    /// request handler. The <c>IInboundActivitySink</c> is the application's to register.
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
        services.AddScoped<TwilioRequestHandler>();
        return builder;
    }
}
