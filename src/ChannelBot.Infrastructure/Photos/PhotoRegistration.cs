using ChannelBot.Application.Photos;
using ChannelBot.Infrastructure.Photos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Residents' photos: the file store, the fetcher that copies them in after a case is filed, the HTTP client.</summary>
public static class PhotoRegistration
{
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section);
        services.AddSingleton<IPhotoStore, FileSystemPhotoStore>();
        services.AddSingleton<PlainMediaClient>();
        services.AddSingleton<PhotoCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<PhotoCollector>());
        services.AddHttpClient(PlainMediaClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient(static (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PhotoOptions>>().Value.DownloadTimeout);
        return builder;
    }
}
