using ChannelBot.Channels.Email;
using ChannelBot.Channels.Meta;
using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Common;
using ChannelBot.Sandbox.Email;
using ChannelBot.Sandbox.Meta;
using ChannelBot.Sandbox.Phones;
using ChannelBot.Sandbox.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The Development sandbox: a fake Twilio Messages API, a fake Graph Send API and an in-memory mailbox served by the
/// app itself, and the page <c>/sandbox</c> with the web chat next to an SMS, a WhatsApp and a Messenger phone that go
/// through the real webhooks. The channels do not know about it: in Development, without real credentials, it
/// re-points their options (the providers' base URLs, accounts, tokens and secrets) and the email transport. In every
/// other environment it changes nothing and everything under <c>/sandbox</c> is 404.
/// </summary>
public static class SandboxRegistration
{
    /// <summary>
    /// Registers the sandbox; it takes effect in Development only. Call after <c>AddChannels</c>: the channels it
    /// stands in for (Twilio, Messenger, email) are registered here too when they are not yet (each registration
    /// happens once), but the Bot Framework Connector must come after every other channel.
    /// </summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTwilioChannel();
        builder.AddMetaChannel();
        builder.AddEmailChannel();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Twilio and Messenger: their options re-pointed at the fake APIs, computed again once the app listens (its
        // own address is part of them).
        services.AddSingleton<TwilioSandbox>();
        services.AddSingleton<TwilioSandboxStore>();
        services.AddSingleton<IPostConfigureOptions<TwilioOptions>, TwilioSandboxOptionsSetup>();
        services.AddSingleton<IOptionsChangeTokenSource<TwilioOptions>, AppStartedChangeTokenSource<TwilioOptions>>();
        services.AddSingleton<MetaSandbox>();
        services.AddSingleton<MetaSandboxStore>();
        services.AddSingleton<IPostConfigureOptions<MetaOptions>, MetaSandboxOptionsSetup>();
        services.AddSingleton<IOptionsChangeTokenSource<MetaOptions>, AppStartedChangeTokenSource<MetaOptions>>();

        // Email: the in-memory mailbox instead of SMTP when no mail server is configured, and unsubscribe links that
        // work on this machine.
        services.AddSingleton<EmailSandboxStore>();
        services.AddSingleton<EmailSandboxTransport>();
        services.AddSingleton<IPostConfigureOptions<EmailOptions>, EmailSandboxOptionsSetup>();
        services.AddSingleton<IOptionsChangeTokenSource<EmailOptions>, AppStartedChangeTokenSource<EmailOptions>>();
        services.Replace(ServiceDescriptor.Singleton<IEmailTransport>(static sp =>
            EmailSandbox.TakesOver(sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<IOptions<EmailOptions>>().Value)
                ? sp.GetRequiredService<EmailSandboxTransport>()
                : ActivatorUtilities.CreateInstance<SmtpEmailTransport>(sp)));

        // The page and its phones.
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
    /// In Development: the fake providers' routes, the page, its script and style, the phones' endpoint and the phones'
    /// photos. Elsewhere: a 404 for every path under <c>/sandbox</c>, so call it before <c>MapSite</c> (which serves
    /// <c>wwwroot</c>).
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

        app.MapTwilioSandbox();
        app.MapMetaSandbox();
        app.MapEmailSandbox();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(SandboxPage).Assembly, "ChannelBot.Sandbox.wwwroot"),
            RequestPath = SandboxPage.Path,
        });
        app.MapGet(SandboxPage.Path, static (HttpContext http, SandboxPage page) => page.Render(http)).ExcludeFromDescription();
        app.MapSandboxPhones();
        app.MapSandboxMedia();
        return app;
    }
}
