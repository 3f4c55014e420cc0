using System.Globalization;
using ChannelBot.Application.Outbound;

namespace ChannelBot.Channels.Meta;

/// <summary>
/// Turns the Send API's answer into a verdict (channels.md §6, "Limits &amp; errors"). Pure.
/// <list type="table">
/// <item><term>2xx</term><description>sent; the <c>message_id</c> is the provider's id (receipts name it).</description></item>
/// <item><term>10 / 2018278</term><description>outside the 24-hour window: failed for good, "cannot notify on Messenger"
/// (no message tag is tried: the update tags are retired).</description></item>
/// <item><term>551 / 1545041</term><description>the person is unavailable (blocked the Page, deactivated): failed for good.</description></item>
/// <item><term>100 / 2018001</term><description>no such user: failed for good.</description></item>
/// <item><term>613, 4, 17, 32, HTTP 429</term><description>rate limits: retried later, with the dispatcher's backoff
/// (or <c>Retry-After</c>).</description></item>
/// <item><term>190</term><description>the Page token is invalid or expired: failed for good, and an alert for the operator.</description></item>
/// <item><term>1, 2, HTTP 5xx</term><description>transient on Meta's side: retried later.</description></item>
/// <item><term>anything else</term><description>failed for good (permissions, invalid parameters).</description></item>
/// </list>
/// </summary>
internal static class MetaSendClassifier
{
    public static MetaSendVerdict Classify(int httpStatus, MetaSendResponse? sent, MetaGraphError? error, TimeSpan? retryAfter)
    {
        if (httpStatus is >= 200 and < 300)
        {
            return new MetaSendVerdict(SendResult.Sent(sent?.MessageId is { Length: > 0 } mid ? mid : null));
        }

        var description = Describe(httpStatus, error);
        return (error?.Code, error?.ErrorSubcode) switch
        {
            (_, MetaErrorCodes.OutsideWindowSubcode) or (MetaErrorCodes.PermissionOrWindow, null) =>
                new MetaSendVerdict(SendResult.Failed(description + "; outside Messenger's 24-hour window: cannot notify on Messenger (no message tag is used; a utility message template is not configured)")),
            (MetaErrorCodes.PersonUnavailable, _) =>
                new MetaSendVerdict(SendResult.Failed(description + "; the person is unavailable on Messenger (blocked the Page or deactivated)")),
            (MetaErrorCodes.InvalidParameter, MetaErrorCodes.NoMatchingUserSubcode) =>
                new MetaSendVerdict(SendResult.Failed(description + "; no Messenger user matches this PSID")),
            (MetaErrorCodes.CallRateLimit or MetaErrorCodes.ApplicationRateLimit or MetaErrorCodes.UserRateLimit or MetaErrorCodes.PageRateLimit, _) =>
                new MetaSendVerdict(SendResult.Retry(description + "; rate limited, retried later", retryAfter)),
            (MetaErrorCodes.AccessToken, _) =>
                new MetaSendVerdict(SendResult.Failed(description + "; the Page access token is invalid or expired (Meta:PageAccessToken)"), TokenRejected: true),
            (MetaErrorCodes.Unknown or MetaErrorCodes.Transient, _) =>
                new MetaSendVerdict(SendResult.Retry(description + "; a temporary Graph API error, retried later", retryAfter)),
            _ when httpStatus == 429 =>
                new MetaSendVerdict(SendResult.Retry(description + "; rate limited, retried later", retryAfter)),
            _ when httpStatus >= 500 =>
                new MetaSendVerdict(SendResult.Retry(description + "; the Graph API failed, retried later", retryAfter)),
            _ => new MetaSendVerdict(SendResult.Failed(description)),
        };
    }

    private static string Describe(int httpStatus, MetaGraphError? error)
    {
        var text = "Graph API answered " + httpStatus.ToString(CultureInfo.InvariantCulture);
        if (error?.Code is { } code)
        {
            text += " error " + code.ToString(CultureInfo.InvariantCulture);
            if (error.ErrorSubcode is { } subcode)
            {
                text += "/" + subcode.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (!string.IsNullOrWhiteSpace(error?.Message))
        {
            text += ": " + (error.Message.Length > 200 ? error.Message[..200] + "…" : error.Message);
        }

        return text;
    }
}
