using ChannelBot.Channels.Meta;
using Microsoft.Extensions.Options;

namespace ChannelBot.Sandbox.Meta;

/// <summary>
/// The local stand-in for Meta's Graph API (Development only, issue 5 "Sandbox"). It takes over when the host
/// environment is <c>Development</c> and neither <see cref="MetaOptions.PageAccessToken"/> nor
/// <see cref="MetaOptions.AppSecret"/> is configured: <see cref="MetaSandboxOptionsSetup"/> then re-points the
/// Messenger channel's options at the fake Send API the app itself serves under <see cref="BasePath"/>
/// (<see cref="MetaSandboxEndpoints"/>) with <see cref="PageAccessToken"/>, and the development app secret verifies the
/// webhook events the sandbox's phone signs. The channel itself does not know.
/// </summary>
public sealed class MetaSandbox(IOptionsMonitor<MetaOptions> options)
{
    /// <summary>The Page access token the fake Send API takes (not a real token).</summary>
    public const string PageAccessToken = "channelbot-sandbox-page-access-token";

    /// <summary>The token the webhook's subscription handshake takes in the sandbox (Development only, public by design).</summary>
    public const string VerifyToken = "channelbot-sandbox-verify-token";

    /// <summary>The sandbox's Page id: the <c>recipient.id</c> of the events its phone sends.</summary>
    public const string PageId = "100000000000311";

    /// <summary>Where the fake Graph API lives: <c>{app}/sandbox/meta/{version}/me/messages</c>.</summary>
    public const string BasePath = "/sandbox/meta";

    /// <summary><c>GET /sandbox/meta/messages?psid=…</c>: what that resident received.</summary>
    public const string ReceivedPath = BasePath + "/messages";

    /// <summary>True when the channel's options point at the sandbox (its Page token), not at Meta.</summary>
    public bool IsActive => string.Equals(options.CurrentValue.PageAccessToken, PageAccessToken, StringComparison.Ordinal);

    /// <summary>The secret the sandbox signs webhook events with (the development app secret), or null when the sandbox is not active.</summary>
    public string? AppSecret => IsActive ? options.CurrentValue.AppSecret : null;

    /// <summary>The origin of the fake Graph API (the channel's <see cref="MetaOptions.GraphBaseUrl"/>), or null when the sandbox is not active.</summary>
    public string? GraphBaseUrl => IsActive ? options.CurrentValue.GraphBaseUrl.TrimEnd('/') : null;

    /// <summary>
    /// True when the sandbox stands in for Meta: Development, no real Page token or app secret configured, and a
    /// development app secret to sign with (the options as configured, before the sandbox re-points them).
    /// </summary>
    public static bool TakesOver(IHostEnvironment environment, MetaOptions configured)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configured);
        return environment.IsDevelopment()
            && string.IsNullOrWhiteSpace(configured.PageAccessToken)
            && string.IsNullOrWhiteSpace(configured.AppSecret)
            && !string.IsNullOrWhiteSpace(configured.DevelopmentAppSecret);
    }
}
