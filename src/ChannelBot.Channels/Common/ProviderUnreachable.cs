using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChannelBot.Channels.Common;

/// <summary>
/// A call to a provider that got no answer — the circuit open after repeated failures, the resilience pipeline's
/// timeout, the request cancelled by its own timeout, the host unreachable — described once for every sender,
/// as the reason to try again later. Any other exception is not this (null).
/// </summary>
internal static class ProviderUnreachable
{
    /// <param name="provider">How the reason names the provider ("Twilio", "the Graph API").</param>
    public static (string Reason, TimeSpan? RetryAfter)? Classify(Exception exception, string provider, TimeSpan timeout, CancellationToken cancellationToken) => exception switch
    {
        BrokenCircuitException broken => ($"the circuit to {provider} is open after repeated failures", broken.RetryAfter),
        TimeoutRejectedException => ($"no answer from {provider} within {timeout.TotalSeconds:0.#} s", null),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => ($"the request to {provider} timed out", null),
        HttpRequestException http => ($"{provider} could not be reached ({http.HttpRequestError})", null),
        _ => null,
    };
}
