namespace ChannelBot.Application.Outbound;

/// <summary>What a channel said about one send.</summary>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string? providerMessageId) => new(SendOutcome.Sent, providerMessageId);

    public static SendResult Retry(string error, TimeSpan? retryAfter = null) => new(SendOutcome.RetryLater, Error: error, RetryAfter: retryAfter);

    public static SendResult Failed(string error) => new(SendOutcome.Failed, Error: error);
}
