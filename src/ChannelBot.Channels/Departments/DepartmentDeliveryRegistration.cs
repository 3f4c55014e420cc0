using ChannelBot.Application.Delivery;
using ChannelBot.Channels.Common;
using ChannelBot.Channels.Departments;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers delivery of cases to departments: their systems' webhooks and their mailboxes (section <c>Departments</c>, validated at start-up).</summary>
public static class DepartmentDeliveryRegistration
{
    public static IHostApplicationBuilder AddDepartmentDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DepartmentDeliveryOptions>()
            .Bind(builder.Configuration.GetSection(DepartmentDeliveryOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DepartmentDeliveryOptions>, DepartmentDeliveryOptionsValidator>();

        // No retry here: a POST that timed out may have arrived; the outbox decides when to try again, with the same key.
        services.AddHttpClient(DepartmentWebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<DepartmentWebhookSender>();
        services.AddChannelSender<DepartmentWebhookSender>(DepartmentDelivery.WebhookChannel);
        services.AddHttpClient(DepartmentOpen311Sender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<DepartmentOpen311Sender>();
        services.AddChannelSender<DepartmentOpen311Sender>(DepartmentDelivery.Open311Channel);
        services.AddSingleton<IDepartmentStatusReader, Open311StatusReader>();

        // Email: the mail transport and settings of the email channel, its SMTP answers; checked against the catalog at start.
        builder.AddEmailChannel();
        services.AddSingleton<DepartmentEmailSender>();
        services.AddChannelSender<DepartmentEmailSender>(DepartmentDelivery.EmailChannel);
        services.AddHostedService<DepartmentEmailCheck>();
        return builder;
    }
}
