using ChannelBot.Channels.Meta;
using ChannelBot.Sandbox.Common;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Meta;

/// <summary>
/// Re-points the Messenger channel at the sandbox when <see cref="MetaSandbox.TakesOver"/>: the sandbox's Page token,
/// the development app secret (and a sandbox verify token, which the secret needs), and the fake Graph API on the
/// app's own address. Before the app listens that address is not known (<see cref="OwnOrigin.NotListening"/>);
/// <see cref="AppStartedChangeTokenSource{TOptions}"/> has the options computed again once it does.
/// </summary>
internal sealed class MetaSandboxOptionsSetup(IHostEnvironment environment, IServiceProvider services) : IPostConfigureOptions<MetaOptions>
{
    public void PostConfigure(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != Options.DefaultName || !MetaSandbox.TakesOver(environment, options))
        {
            return;
        }

        options.PageAccessToken = MetaSandbox.PageAccessToken;
        options.AppSecret = options.DevelopmentAppSecret;
        if (string.IsNullOrWhiteSpace(options.VerifyToken))
        {
            options.VerifyToken = MetaSandbox.VerifyToken;
        }

        options.GraphBaseUrl = (OwnOrigin.Of(services) ?? OwnOrigin.NotListening) + MetaSandbox.BasePath;
    }
}
