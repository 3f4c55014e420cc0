namespace ChannelBot.Application.Outbound;

/// <summary>The outcome of one send attempt.</summary>
public enum SendOutcome
{
    /// <summary>The channel took the message.</summary>
    Sent,

    /// <summary>A transient failure: try again later (rate limit, 5xx, timeout).</summary>
    RetryLater,

    /// <summary>A permanent failure: never resend (bad address, opted out, 4xx).</summary>
    Failed,
}
