using ChannelBot.Infrastructure.Cases;
using ChannelBot.Web.Public;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The public view of requests, no sign-in: <c>/requests</c> (list, filters, map), <c>/requests/{ticket}</c>,
/// <c>/requests.geojson</c>, the city's map layers at <c>/requests/map/{layer}.geojson</c>, and the pages' own files
/// (<c>wwwroot/public/</c> at <c>/public</c>, Leaflet's dist at <c>/lib/leaflet</c>). What is public is decided in one
/// place, <see cref="PublicDisclosure"/>.
/// </summary>
public static class PublicRequestsRegistration
{
    public static IHostApplicationBuilder AddPublicRequests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PublicRequestsOptions>().BindConfiguration(PublicRequestsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicRequestsOptions>, PublicRequestsOptionsValidator>();
        services.AddSingleton<PublicRequestQueries>();
        services.AddSingleton<PublicMapFiles>();
        services.AddSingleton<PublicRequestsPage>();
        services.AddSingleton<PublicTicketPage>();
        services.AddSingleton<PublicRequestsFeed>();
        return builder;
    }

    public static WebApplication MapPublicRequests(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<PublicRequestsOptions>>().Value.Enabled)
        {
            return app;
        }

        // The pages' own script and styles, and Leaflet (copied from npm by ClientApp/install.sh), whether or not the
        // landing page (and its static files) is on; cached for a while, revalidated by their ETag after.
        var root = app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot");
        foreach (var (folder, path) in new[] { ("public", "/public"), ("lib/leaflet", "/lib/leaflet") })
        {
            var directory = Path.Combine(root, folder);
            if (Directory.Exists(directory))
            {
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(directory),
                    RequestPath = path,
                    OnPrepareResponse = static context =>
                    {
                        context.Context.Response.Headers.CacheControl = "public, max-age=3600";
                        context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                    },
                });
            }
        }

        app.MapGet("/requests", static (HttpContext http, PublicRequestsPage page, CancellationToken cancellationToken) => page.RenderAsync(http, cancellationToken))
            .ExcludeFromDescription();
        app.MapGet("/requests.geojson", static (HttpContext http, PublicRequestsFeed feed, CancellationToken cancellationToken) => feed.RenderAsync(http, cancellationToken))
            .ExcludeFromDescription();
        app.MapGet("/requests/map/{layer}.geojson", static (HttpContext http, string layer, PublicMapFiles files, CancellationToken cancellationToken) => files.ServeAsync(http, layer, cancellationToken))
            .ExcludeFromDescription();
        app.MapGet("/requests/{ticket}", static (HttpContext http, string ticket, PublicTicketPage page, CancellationToken cancellationToken) => page.RenderAsync(http, ticket, cancellationToken))
            .ExcludeFromDescription();
        return app;
    }
}
