namespace ChannelBot.Application.Outbound;

/// <summary>What a channel said about one send.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>When a channel has not said how long to wait after "slow down", the next try comes this much later.</summary>
    public static readonly TimeSpan DefaultThrottleDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The channel refused for now because we send too fast (HTTP 429): nothing is wrong with the message, so the
    /// try does not count towards giving up, and it comes back after <see cref="RetryAfter"/>, not a growing back-off.
    /// </summary>
    public bool Throttled { get; init; }

    public static SendResult Sent(string? providerMessageId) => new(SendOutcome.Sent, providerMessageId);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendOutcome.RetryLater, Error: error, RetryAfter: retryAfter);

    public static SendResult Failed(string error) => new(SendOutcome.Failed, Error: error);

    public static SendResult Throttle(string error, TimeSpan? retryAfter = null) =>
        new(SendOutcome.RetryLater, Error: error, RetryAfter: retryAfter ?? DefaultThrottleDelay) { Throttled = true };
}
