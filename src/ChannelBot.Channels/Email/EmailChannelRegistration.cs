using ChannelBot.Application.Messaging;
using ChannelBot.Application.Notifications;
using ChannelBot.Application.Outbound;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the email channel (receipts and status updates over SMTP, each with its unsubscribe link).</summary>
public static class EmailChannelRegistration
{
    /// <summary>
    /// Options from section <c>Email</c> (validated at start-up), <see cref="EmailSender"/> as the
    /// <see cref="IChannelSender"/> of <c>email</c>, delivering through <see cref="SmtpEmailTransport"/> unless an
    /// <see cref="IEmailTransport"/> is registered already, and the unsubscribe link's handler (mapped by <c>MapEmail</c>).
    /// The <c>IMessagingConsent</c> is the application's to register.
    /// </summary>
    public static IHostApplicationBuilder AddEmailChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(EmailSender)))
        {
            return builder;
        }

        services.AddOptions<EmailOptions>()
            .Bind(builder.Configuration.GetSection(EmailOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailTransport, SmtpEmailTransport>();
        services.AddSingleton<EmailUnsubscribeToken>();
        services.AddSingleton<EmailUnsubscribeHandler>();
        services.AddSingleton(static sp => new EmailSender(
            sp.GetRequiredService<IOptionsMonitor<EmailOptions>>(),
            sp.GetRequiredService<IEmailTransport>(),
            sp.GetRequiredService<OptOutGate>(),
            sp.GetRequiredService<EmailUnsubscribeToken>(),
            sp.GetRequiredService<ILogger<EmailSender>>()));
        services.AddChannelSender<EmailSender>(NotificationChannels.Email);
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<EmailSender>());
        services.TryAddSingleton<MissingMessagingStores>();
        services.TryAddSingleton<IMessagingConsent>(sp => sp.GetRequiredService<MissingMessagingStores>());
        services.TryAddSingleton<OptOutGate>();
        return builder;
    }
}
