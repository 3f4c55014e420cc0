using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChannelBot.Channels.Twilio;

/// <summary>
/// Paces message creates (POST …/Messages.json) to <see cref="TwilioPacingOptions.MessagesPerSecond"/>: a token
/// bucket holding one second's worth, waited on in arrival order. Look-ups (GET) are not paced.
/// </summary>
internal sealed class TwilioSendPacer : IDisposable
{
    private readonly TokenBucketRateLimiter? _limiter;

    public TwilioSendPacer(IOptions<TwilioPacingOptions> options)
    {
        if (options.Value.MessagesPerSecond is { } rate and > 0)
        {
            // Refilled ten times a second so a 100/s account does not send in once-a-second bursts.
            var perTick = Math.Max(1, (int)Math.Round(rate / 10));
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, (int)Math.Ceiling(rate)),
                TokensPerPeriod = perTick,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perTick / rate),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>Waits until <paramref name="request"/> may go (at once when it is not a create, or without pacing).</summary>
    public async ValueTask WaitTurnAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_limiter is not null && request.Method == HttpMethod.Post)
        {
            using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _limiter?.Dispose();
}
