using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// The token and public URL that inbound webhooks are checked against, from the current options and the host
/// environment: the configured <see cref="TwilioOptions.AuthToken"/>; in Development only, the
/// <see cref="TwilioOptions.DevelopmentAuthToken"/> when no real token is set. The URL is the configured
/// <see cref="TwilioOptions.PublicBaseUrl"/>. Without a token or a public URL the webhooks are closed. Read on every
/// request, so options that change while the app runs (a reload) take effect.
/// </summary>
public sealed class TwilioWebhookSigning(IOptionsMonitor<TwilioOptions> options, IHostEnvironment environment)
{
    private readonly bool _isDevelopment = environment.IsDevelopment();
    private int _developmentUseReported;

    /// <summary>The signing token, or null when the webhooks are closed.</summary>
    public string? AuthToken => Token(options.CurrentValue).Token;

    /// <summary>True when <see cref="AuthToken"/> is the development token.</summary>
    public bool IsDevelopmentToken => Token(options.CurrentValue).IsDevelopment;

    /// <summary>The configured public base URL without a trailing slash, or null.</summary>
    public string? PublicBaseUrl =>
        options.CurrentValue.PublicBaseUrl is { } url && !string.IsNullOrWhiteSpace(url) ? url.Trim().TrimEnd('/') : null;

    /// <summary>True when webhooks can be verified and so may be accepted.</summary>
    public bool IsOpen => AuthToken is not null && PublicBaseUrl is not null;

    /// <summary>True the first time it is asked, so the use of the development token is logged once.</summary>
    public bool TakeFirstDevelopmentUse() => IsDevelopmentToken && Interlocked.Exchange(ref _developmentUseReported, 1) == 0;

    /// <summary>The URL Twilio signed for a request to <paramref name="path"/> with the raw query string <paramref name="rawQuery"/> (with its <c>?</c>, or empty).</summary>
    public string SignedUrl(string path, string rawQuery) => PublicBaseUrl + path + rawQuery;

    private (string? Token, bool IsDevelopment) Token(TwilioOptions value)
    {
        if (!string.IsNullOrWhiteSpace(value.AuthToken))
        {
            return (value.AuthToken, false);
        }

        return _isDevelopment && !string.IsNullOrWhiteSpace(value.DevelopmentAuthToken)
            ? (value.DevelopmentAuthToken, true)
            : (null, false);
    }
}
