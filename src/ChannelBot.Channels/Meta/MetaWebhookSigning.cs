using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// The app secret and verify token the webhook is checked against, decided once from the options and the host
/// environment: the configured <see cref="MetaOptions.AppSecret"/>; in Development only, the
/// <see cref="MetaOptions.DevelopmentAppSecret"/> when no real secret is set. Without a secret the webhook is closed.
/// </summary>
public sealed class MetaWebhookSigning
{
    private int _developmentUseReported;

    public MetaWebhookSigning(IOptions<MetaOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var value = options.Value;

        if (!string.IsNullOrWhiteSpace(value.AppSecret))
        {
            AppSecret = value.AppSecret;
        }
        else if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(value.DevelopmentAppSecret))
        {
            AppSecret = value.DevelopmentAppSecret;
            IsDevelopmentSecret = true;
        }

        if (!string.IsNullOrWhiteSpace(value.VerifyToken))
        {
            VerifyToken = value.VerifyToken;
        }

        if (!string.IsNullOrWhiteSpace(value.PageId))
        {
            PageId = value.PageId.Trim();
        }
    }

    /// <summary>The secret that verifies <c>X-Hub-Signature-256</c>, or null when events are refused.</summary>
    public string? AppSecret { get; }

    /// <summary>True when <see cref="AppSecret"/> is the development secret.</summary>
    public bool IsDevelopmentSecret { get; }

    /// <summary>The token the subscription handshake must echo, or null when the handshake is refused.</summary>
    public string? VerifyToken { get; }

    /// <summary>Our Page's id, when configured: events addressed to another Page are ignored.</summary>
    public string? PageId { get; }

    /// <summary>True when events can be verified and so may be accepted.</summary>
    public bool IsOpen => AppSecret is not null;

    /// <summary>True the first time it is asked, so the use of the development secret is logged once.</summary>
    public bool TakeFirstDevelopmentUse() => IsDevelopmentSecret && Interlocked.Exchange(ref _developmentUseReported, 1) == 0;
}
