using ChannelBot.Channels.Twilio;
using ChannelBot.Sandbox.Common;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Twilio;

/// <summary>
/// Re-points the Twilio channel at the sandbox when <see cref="TwilioSandbox.TakesOver"/>: the sandbox account and
/// the development token, the fake REST API on the app's own address, the webhooks signed over that address (unless a
/// public URL is configured), and the sandbox's numbers where no sender is configured. Before the app listens its
/// address is not known (<see cref="OwnOrigin.NotListening"/>); <see cref="AppStartedChangeTokenSource{TOptions}"/>
/// has the options computed again once it does.
/// </summary>
internal sealed class TwilioSandboxOptionsSetup(IHostEnvironment environment, IServiceProvider services) : IPostConfigureOptions<TwilioOptions>
{
    public void PostConfigure(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName || !TwilioSandbox.TakesOver(environment, options))
        {
            return;
        }

        var origin = OwnOrigin.Of(services) ?? OwnOrigin.NotListening;
        options.AccountSid = TwilioSandbox.AccountSid;
        options.AuthToken = TwilioSandbox.DevelopmentToken(options);
        options.ApiBaseUrl = origin + TwilioSandbox.BasePath;
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            options.PublicBaseUrl = origin;
        }

        if (string.IsNullOrWhiteSpace(options.From) && string.IsNullOrWhiteSpace(options.MessagingServiceSid))
        {
            options.From = TwilioSandbox.CityNumber;
        }

        if (string.IsNullOrWhiteSpace(options.WhatsAppFrom))
        {
            options.WhatsAppFrom = TwilioSandbox.WhatsAppFrom;
        }
    }
}
