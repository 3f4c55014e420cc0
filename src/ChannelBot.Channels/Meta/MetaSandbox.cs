using ChannelBot.Channels.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// The local stand-in for Meta's Graph API (Development only, issue 5 "Sandbox"). Active when the host environment is
/// <c>Development</c> and neither <see cref="MetaOptions.PageAccessToken"/> nor <see cref="MetaOptions.AppSecret"/>
/// is configured: <see cref="MetaSender"/> then posts to the fake Send API the app itself serves under
/// <see cref="BasePath"/> (<see cref="MetaSandboxEndpoints"/>) with <see cref="PageAccessToken"/>, and webhook events
/// signed with the development app secret pass the real <c>/api/meta/webhook</c> (<see cref="MetaWebhookSigning"/>).
/// In any other environment it is never active and its routes are not mapped.
/// </summary>
public sealed class MetaSandbox
{
    /// <summary>The Page access token the fake Send API takes (not a real token).</summary>
    public const string PageAccessToken = "channelbot-sandbox-page-access-token";

    /// <summary>The sandbox's Page id: the <c>recipient.id</c> of the events its phone sends.</summary>
    public const string PageId = "100000000000311";

    /// <summary>Where the fake Graph API lives: <c>{app}/sandbox/meta/{version}/me/messages</c>.</summary>
    public const string BasePath = "/sandbox/meta";

    /// <summary><c>GET /sandbox/meta/messages?psid=…</c>: what that resident received.</summary>
    public const string ReceivedPath = BasePath + "/messages";

    private readonly IServiceProvider _services;
    private readonly MetaOptions _options;

    public MetaSandbox(IOptions<MetaOptions> options, IHostEnvironment environment, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _services = services;
        _options = options.Value;
        IsDevelopment = environment.IsDevelopment();
        IsActive = IsDevelopment
            && string.IsNullOrWhiteSpace(_options.PageAccessToken)
            && string.IsNullOrWhiteSpace(_options.AppSecret);
    }

    /// <summary>True in the Development environment: the sandbox routes exist (even when real credentials are set).</summary>
    public bool IsDevelopment { get; }

    /// <summary>True when the sender talks to the sandbox instead of Meta.</summary>
    public bool IsActive { get; }

    /// <summary>The secret the sandbox signs webhook events with (the development app secret), or null when the sandbox is not active.</summary>
    public string? AppSecret => IsActive && !string.IsNullOrWhiteSpace(_options.DevelopmentAppSecret) ? _options.DevelopmentAppSecret : null;

    /// <summary>The origin of the fake Graph API (what <see cref="MetaOptions.GraphBaseUrl"/> would be), or null before the server started.</summary>
    public string? GraphBaseUrl => OwnOrigin.Of(_services) is { } app ? app + BasePath : null;

    /// <summary>The token the sender uses: the sandbox's when active, else the configured one.</summary>
    public string? SendingToken(MetaOptions configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return IsActive ? PageAccessToken : configured.PageAccessToken;
    }
}
