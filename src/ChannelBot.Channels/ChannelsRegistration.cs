using ChannelBot.Application.Notifications;
using ChannelBot.Channels.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Every channel ChannelBot speaks. Each channel folder registers itself and maps its own endpoints.</summary>
public static class ChannelsRegistration
{
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        builder.AddTwilioChannel();
        builder.AddTwilioPacing();
        builder.AddDirectLineChannel();
        builder.AddMetaChannel();
        builder.AddEmailChannel();
        builder.AddDepartmentDelivery();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationTemplates, WhatsAppTemplateCatalog>());

        // Channels with their own webhooks go above this line. The Connector stays last: its sender takes every
        // channel no other sender claims (Teams, the Emulator, anything Azure Bot Service relays).
        builder.AddConnectorChannel();
        return builder;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTwilio();
        endpoints.MapDirectLine();
        endpoints.MapMeta();
        endpoints.MapEmail();
        endpoints.MapConnector();
        return endpoints;
    }
}
