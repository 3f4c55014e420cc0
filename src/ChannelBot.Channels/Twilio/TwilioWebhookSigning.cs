using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The token and public URL that inbound webhooks are checked against, decided once from the options and the
/// host environment: the configured <see cref="TwilioOptions.AuthToken"/>; in Development only, the
/// <see cref="TwilioOptions.DevelopmentAuthToken"/> when no real token is set, and then, with no public URL
/// configured, the app's own address (<see cref="TwilioSandbox.AppBaseUrl"/>): the sandbox signs over it. Without a
/// token or a public URL the webhooks are closed.
/// </summary>
public sealed class TwilioWebhookSigning
{
    private readonly TwilioSandbox? _sandbox;
    private readonly string? _configuredBaseUrl;
    private int _developmentUseReported;

    public TwilioWebhookSigning(IOptions<TwilioOptions> options, IHostEnvironment environment, TwilioSandbox? sandbox = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var value = options.Value;

        if (!string.IsNullOrWhiteSpace(value.AuthToken))
        {
            AuthToken = value.AuthToken;
        }
        else if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(value.DevelopmentAuthToken))
        {
            AuthToken = value.DevelopmentAuthToken;
            IsDevelopmentToken = true;
        }

        if (!string.IsNullOrWhiteSpace(value.PublicBaseUrl))
        {
            _configuredBaseUrl = value.PublicBaseUrl.Trim().TrimEnd('/');
        }
        else if (IsDevelopmentToken)
        {
            _sandbox = sandbox;
        }
    }

    /// <summary>The signing token, or null when the webhooks are closed.</summary>
    public string? AuthToken { get; }

    /// <summary>True when <see cref="AuthToken"/> is the development token.</summary>
    public bool IsDevelopmentToken { get; }

    /// <summary>
    /// The configured public base URL without a trailing slash; in Development with the development token and none
    /// configured, the app's own address once the server listens; else null.
    /// </summary>
    public string? PublicBaseUrl => _configuredBaseUrl ?? _sandbox?.AppBaseUrl;

    /// <summary>True when webhooks can be verified and so may be accepted.</summary>
    public bool IsOpen => AuthToken is not null && PublicBaseUrl is not null;

    /// <summary>True the first time it is asked, so the use of the development token is logged once.</summary>
    public bool TakeFirstDevelopmentUse() => IsDevelopmentToken && Interlocked.Exchange(ref _developmentUseReported, 1) == 0;

    /// <summary>The URL Twilio signed for a request to <paramref name="path"/> with the raw query string <paramref name="rawQuery"/> (with its <c>?</c>, or empty).</summary>
    public string SignedUrl(string path, string rawQuery) => PublicBaseUrl + path + rawQuery;
}
