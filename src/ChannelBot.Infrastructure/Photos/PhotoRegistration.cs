using System.Net;
using ChannelBot.Application.Photos;
using ChannelBot.Infrastructure.Photos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Residents' photos: the file store, the collector that copies them in after a case is filed, and the one media
/// fetcher every channel's links go through (allowed hosts, public addresses only, redirects by hand).
/// </summary>
public static class PhotoRegistration
{
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section);
        services.AddOptions<MediaFetchOptions>().BindConfiguration(MediaFetchOptions.Section)
            .Validate(static o => o.AllowedPrivateNetworks.TrueForAll(n => IPNetwork.TryParse(n.Trim(), out _)), "Media:AllowedPrivateNetworks must list networks in CIDR notation (e.g. 127.0.0.0/8).")
            .Validate(static o => o.MaxRedirects is >= 0 and <= 10 && o.MaxParallel > 0 && o.MaxParallelPerHost > 0, "Media:MaxRedirects must be 0-10, MaxParallel and MaxParallelPerHost positive.")
            .ValidateOnStart();
        services.AddSingleton<IPhotoStore, FileSystemPhotoStore>();
        services.AddSingleton<MediaFetcher>();
        services.AddSingleton<PhotoCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<PhotoCollector>());
        services.AddHttpClient(MediaFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static sp =>
            {
                var guard = new GuardedConnection(
                    PublicAddresses.From(sp.GetRequiredService<IOptions<MediaFetchOptions>>().Value),
                    static (host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    ConnectCallback = guard.ConnectAsync,
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                };
            })
            .ConfigureHttpClient(static (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PhotoOptions>>().Value.DownloadTimeout);
        return builder;
    }
}
