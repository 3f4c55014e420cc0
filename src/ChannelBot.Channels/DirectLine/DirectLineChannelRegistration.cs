using ChannelBot.Application.DirectLine;
using ChannelBot.Application.Outbound;
using ChannelBot.Application.Photos;
using ChannelBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ChannelBot.Channels.Common;
using ChannelBot.Schema;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers our Direct Line 3.0 server for the web chat widget (map its endpoints with <c>MapDirectLine</c>).</summary>
public static class DirectLineChannelRegistration
{
    /// <summary>
    /// Options from section <c>DirectLine</c> (validated at start-up), the token service, the live conversations over
    /// an <see cref="ChannelBot.Application.DirectLine.IDirectLineConversationStore"/> (the in-memory one unless the host
    /// registered one — the application registers its database store in AddInfrastructure), the upload store, the request and stream handlers, the janitor, and <see cref="DirectLineSender"/> as
    /// an <see cref="IChannelSender"/> for <c>directline</c> and <c>webchat</c>. Register it before the Connector.
    /// The <c>IInboundActivitySink</c> is the application's to register.
    /// </summary>
    public static IHostApplicationBuilder AddDirectLineChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(DirectLineSender)))
        {
            return builder;
        }

        services.AddOptions<DirectLineOptions>()
            .Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddCors();

        services.AddSingleton<DirectLineTokens>();
        services.TryAddSingleton<IDirectLineConversationStore, InMemoryDirectLineConversationStore>();
        services.AddSingleton<DirectLineConversations>();
        services.TryAddSingleton<IDirectLineAttachmentStore, FileSystemDirectLineAttachmentStore>();
        services.AddSingleton<IUploadedMedia, DirectLineUploadedMedia>();
        services.AddSingleton<DirectLineSessionLimiter>();
        services.AddSingleton<DirectLineCors>();
        services.AddScoped<DirectLineRequestHandler>();
        services.AddSingleton<DirectLineStreamHandler>();
        services.AddSingleton<DirectLineJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineJanitor>());
        services.AddSingleton<DirectLineSender>();
        services.AddChannelSender<DirectLineSender>(ChannelIds.DirectLine, ChannelIds.WebChat);
        return builder;
    }
}
