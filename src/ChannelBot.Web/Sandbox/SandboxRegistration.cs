using ChannelBot.Web.Sandbox;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The channel sandbox page <c>/sandbox</c>: the web chat next to an SMS, a WhatsApp and a Messenger phone that go
/// through the real webhooks. Development only; in every other environment everything under <c>/sandbox</c> is 404.
/// </summary>
public static class SandboxRegistration
{
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<SandboxMediaStore>();
        services.AddSingleton<SandboxWebhookPoster>();
        services.AddSingleton<SandboxTwilioWebhook>();
        services.AddSingleton<SandboxMessengerWebhook>();
        services.AddSingleton<SandboxPage>();

        // The phones' posts to the app's own webhooks: loopback, one try (a failure is shown on the phone).
        services.AddHttpClient(SandboxWebhookPoster.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        return builder;
    }

    /// <summary>
    /// In Development: the page, the phones' endpoint and the phones' photos. Elsewhere: a 404 for every path under
    /// <c>/sandbox</c>, static files included, so call it before <c>MapSite</c> (which serves <c>wwwroot</c>).
    /// </summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.Use(static (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments(SandboxPage.Path, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
            return app;
        }

        app.MapGet(SandboxPage.Path, static (HttpContext http, SandboxPage page) => page.Render(http)).ExcludeFromDescription();
        app.MapSandboxPhones();
        app.MapSandboxMedia();
        return app;
    }
}
