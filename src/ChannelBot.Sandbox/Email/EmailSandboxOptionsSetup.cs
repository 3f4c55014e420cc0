using ChannelBot.Channels.Email;
using ChannelBot.Sandbox.Common;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Email;

/// <summary>
/// When <see cref="EmailSandbox.TakesOver"/>: the unsubscribe links point at the app's own address (unless a public URL
/// is configured) and are signed with the development key (unless one is configured), so the mailbox's messages carry
/// links that work on this machine. Computed again once the app listens (<see cref="AppStartedChangeTokenSource{TOptions}"/>).
/// </summary>
internal sealed class EmailSandboxOptionsSetup(IHostEnvironment environment, IServiceProvider services) : IPostConfigureOptions<EmailOptions>
{
    public void PostConfigure(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName || !EmailSandbox.TakesOver(environment, options))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            options.PublicBaseUrl = OwnOrigin.Of(services) ?? OwnOrigin.NotListening;
        }

        if (string.IsNullOrEmpty(options.UnsubscribeSecret))
        {
            options.UnsubscribeSecret = EmailSandbox.DevelopmentUnsubscribeSecret;
        }
    }
}
