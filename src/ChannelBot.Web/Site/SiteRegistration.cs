using ChannelBot.Web.Site;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The resident-facing landing page <c>/</c> with the web chat widget, and the static files under <c>wwwroot/</c>.</summary>
public static class SiteRegistration
{
    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        builder.Services.AddSingleton<SitePage>();
        return builder;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.Enabled)
        {
            return app;
        }

        // wwwroot/site (the page's own script, styles, placeholder logo, embed loader) and wwwroot/lib (npm bundles,
        // copied by ClientApp/install.sh). Endpoints matched first (a static file never shadows an API route).
        app.UseStaticFiles();
        app.MapGet("/", static (HttpContext http, SitePage page) => page.Render(http)).ExcludeFromDescription();
        return app;
    }
}
